package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Runs before the WebSocket handshake on {@code /ws}, after {@link RequestGuard} has checked its
 * {@code Host} and {@code Origin}: when the hub is full, refuses with 503 instead of upgrading.
 * {@link FeedHub#join} re-checks the limit atomically for handshakes that race past this gate.
 */
final class WebSocketGate implements Filter {
  private final FeedHub hub;

  WebSocketGate(FeedHub hub) {
    this.hub = requireNonNull(hub, "hub is null");
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (hub.full()) {
      ((HttpServletResponse) response)
          .sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "too many connections");
      return;
    }
    chain.doFilter(request, response);
  }
}
