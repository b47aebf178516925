package dev.catcafe.alertui;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Cross-site WebSocket hijacking guard: a browser always sends {@code Origin} on a WebSocket
 * handshake, and the page's own origin has the same host and port as the {@code Host} the browser
 * connected to. Anything else is another site's page trying to read our feed.
 */
public final class Origins {
  private Origins() {}

  /**
   * Whether a handshake with this {@code Origin} header may proceed. A missing origin means a
   * non-browser client (benchmarks, scripts), which no browser page can impersonate, so it passes.
   */
  public static boolean allowed(String origin, String host) {
    if (origin == null) {
      return true;
    }
    if (host == null || host.isBlank()) {
      return false;
    }
    URI uri;
    try {
      uri = new URI(origin.strip());
    } catch (URISyntaxException invalid) {
      return false;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      return false;
    }
    int defaultPort = scheme.equals("https") ? 443 : 80;
    int originPort = uri.getPort() < 0 ? defaultPort : uri.getPort();
    String originAuthority = uri.getHost().toLowerCase(Locale.ROOT) + ":" + originPort;
    return originAuthority.equals(normalizedHost(host.strip(), defaultPort));
  }

  private static String normalizedHost(String host, int defaultPort) {
    String lower = host.toLowerCase(Locale.ROOT);
    int closingBracket = lower.lastIndexOf(']');
    int colon = lower.lastIndexOf(':');
    if (colon > closingBracket) {
      return lower;
    }
    return lower + ":" + defaultPort;
  }
}
