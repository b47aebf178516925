package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The origins whose pages may use the UI, and so the host names it answers to. Comparing {@code
 * Origin} with {@code Host} is not enough: a DNS-rebinding page at {@code attacker.example:8788}
 * whose name now resolves to this machine sends {@code Host} and {@code Origin} that agree. An
 * allow-list of the UI's own URLs refuses it, and checking {@code Host} against the same list keeps
 * such a page from reading the roster with plain requests too.
 */
public final class Origins {
  private final Set<String> origins;
  private final Set<String> authorities;

  private Origins(Set<String> origins) {
    this.origins = Set.copyOf(origins);
    Set<String> hosts = new LinkedHashSet<>();
    for (String origin : origins) {
      hosts.add(origin.substring(origin.indexOf("://") + 3));
    }
    this.authorities = Set.copyOf(hosts);
  }

  /**
   * The allow-list: {@code configured} origins, or, if there are none, the UI's own URLs on {@code
   * port} ({@link #defaults}).
   */
  public static Origins of(List<String> configured, int port) {
    requireNonNull(configured, "configured is null");
    Set<String> normalized = new LinkedHashSet<>();
    for (String origin : configured.isEmpty() ? defaults(port) : configured) {
      normalized.add(
          normalize(origin)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "ALERT_UI_ALLOWED_ORIGINS: '%s' is not an http(s)://host[:port] origin"
                              .formatted(origin))));
    }
    return new Origins(normalized);
  }

  /** The UI's own URLs on this machine: {@code http://127.0.0.1:<port>} and {@code localhost}. */
  public static List<String> defaults(int port) {
    return List.of("http://127.0.0.1:" + port, "http://localhost:" + port);
  }

  /** The allowed origins, normalized ({@code scheme://host:port}, lower case). */
  public Set<String> origins() {
    return origins;
  }

  /**
   * Whether a request with this {@code Origin} header may proceed. A missing origin means a
   * non-browser client (benchmarks, scripts), which no browser page can impersonate: browsers send
   * it on every WebSocket handshake and every cross-site request.
   */
  public boolean allowsOrigin(String origin) {
    if (origin == null) {
      return true;
    }
    return normalize(origin).map(origins::contains).orElse(false);
  }

  /** Whether {@code host} (a {@code Host} header) names the UI as one of its allowed origins. */
  public boolean allowsHost(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String lower = host.strip().toLowerCase(Locale.ROOT);
    if (authorities.contains(lower)) {
      return true;
    }
    // A Host without a port means the scheme's default one.
    int closingBracket = lower.lastIndexOf(']');
    if (lower.lastIndexOf(':') > closingBracket) {
      return false;
    }
    return authorities.contains(lower + ":80") || authorities.contains(lower + ":443");
  }

  /** {@code scheme://host:port} in lower case, or empty if {@code origin} is not http(s). */
  static Optional<String> normalize(String origin) {
    URI uri;
    try {
      uri = new URI(requireNonNull(origin, "origin is null").strip());
    } catch (URISyntaxException invalid) {
      return Optional.empty();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      return Optional.empty();
    }
    if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
        || uri.getRawQuery() != null
        || uri.getRawUserInfo() != null) {
      return Optional.empty();
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
    return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
  }

  @Override
  public String toString() {
    return "Origins" + origins;
  }
}
