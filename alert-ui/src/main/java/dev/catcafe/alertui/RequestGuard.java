package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs before every request: refuses a {@code Host} the UI does not answer to (a DNS-rebinding
 * page, 403), a foreign {@code Origin} on the WebSocket handshake and on every request that changes
 * something (403), and a request body beyond {@link #MAX_BODY_BYTES} (413; no endpoint reads one).
 * {@code /health} answers any {@code Host}: the cluster's probes name the pod's address.
 */
final class RequestGuard implements Filter {
  /** The largest request body accepted: the UI's endpoints read none. */
  static final long MAX_BODY_BYTES = 16 * 1024;

  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final Supplier<Origins> origins;

  /** {@code origins} is asked on each request: the UI's own port is known only once it listens. */
  RequestGuard(Supplier<Origins> origins) {
    this.origins = requireNonNull(origins, "origins is null");
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    HttpServletResponse reply = (HttpServletResponse) response;
    Origins allowed = origins.get();
    boolean probe = http.getRequestURI().equals("/health");
    if (allowed == null || !probe && !allowed.allowsHost(http.getHeader("Host"))) {
      reply.sendError(HttpServletResponse.SC_FORBIDDEN, "unknown host");
      return;
    }
    boolean handshake = http.getRequestURI().equals("/ws");
    if ((handshake || !READ_METHODS.contains(http.getMethod()))
        && !allowed.allowsOrigin(http.getHeader("Origin"))) {
      reply.sendError(HttpServletResponse.SC_FORBIDDEN, "foreign origin");
      return;
    }
    if (http.getContentLengthLong() > MAX_BODY_BYTES
        || http.getContentLengthLong() < 0 && http.getHeader("Transfer-Encoding") != null) {
      // A chunked body has no length to check up front: no endpoint reads a body, so refuse it.
      reply.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "request body too large");
      return;
    }
    chain.doFilter(request, response);
  }
}
