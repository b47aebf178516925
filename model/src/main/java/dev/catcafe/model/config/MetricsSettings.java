package dev.catcafe.model.config;

import static dev.catcafe.model.config.Settings.requireText;

/**
 * Where a program serves its Prometheus metrics ({@code GET /metrics}).
 *
 * @param enabled whether it serves them at all ({@code --no-metrics} turns them off, e.g. to
 *     measure what they cost)
 * @param host the address to bind: {@value #LOOPBACK} locally, {@code 0.0.0.0} in a pod so the
 *     cluster's Prometheus reaches it ({@code METRICS_HOST})
 * @param port the TCP port, the job catalog's unless {@code --metrics-port} says otherwise; 0 lets
 *     the OS pick a free one (tests)
 */
public record MetricsSettings(boolean enabled, String host, int port) {
  public static final String LOOPBACK = "127.0.0.1";

  public MetricsSettings {
    host = requireText(host, "metrics host (--metrics-host / METRICS_HOST)");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(
          "metrics port is %d: expected 0-65535 (0: any free port)".formatted(port));
    }
  }

  /** No metrics served. */
  public static MetricsSettings disabled() {
    return new MetricsSettings(false, LOOPBACK, 0);
  }
}
