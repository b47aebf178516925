package dev.catcafe.platform;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.monitoring.MonitoringPolicy;
import dev.catcafe.model.monitoring.PrometheusConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prometheus from Debian's package ({@code bin/ensure-os-packages} installs it), run as a platform
 * service on 127.0.0.1: its scrape configuration and rules are written on every start from the job
 * catalog ({@link PrometheusConfig}), so they always match the jobs' metrics ports; its data
 * (retention {@value #RETENTION}) lives under the platform's home.
 */
public final class PrometheusServer {
  /** Where Debian's package installs the server. */
  public static final Path BINARY = Path.of("/usr/bin/prometheus");

  static final String RETENTION = "7d";

  /** The service's name: its folder under the platform's home, its pid file and its log. */
  private static final String NAME = "prometheus";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final PlatformConfig config;
  private final Path directory;
  private final ServiceProcess process;

  public PrometheusServer(PlatformConfig config) {
    this.config = requireNonNull(config, "config is null");
    this.directory = ServiceProcess.directory(config, NAME);
    this.process =
        new ServiceProcess(
            NAME, "Prometheus", config, "--config.file=" + directory.resolve("prometheus.yml"));
  }

  /** Whether Debian's prometheus package is installed. */
  public static boolean isInstalled() {
    return Files.isExecutable(BINARY);
  }

  public boolean isRunning() {
    return process.isRunning();
  }

  /** The web UI and HTTP API, e.g. {@code http://127.0.0.1:9090}. */
  public String url() {
    return "http://127.0.0.1:" + config.prometheusPort();
  }

  /**
   * Writes the configuration for {@code targets} (job name to {@code host:port}) and {@code
   * policy}, then starts Prometheus unless it runs; a running one reloads the files instead, so a
   * changed catalog takes effect without losing its data.
   */
  public void start(MonitoringPolicy policy, Map<String, String> targets) {
    requireNonNull(policy, "policy is null");
    requireNonNull(targets, "targets is null");
    if (!isInstalled()) {
      throw new PlatformException(
          "Prometheus is not installed (%s missing): run bin/ensure-os-packages".formatted(BINARY));
    }
    writeConfiguration(policy, targets);
    if (isRunning()) {
      reload();
      return;
    }
    Ports.requireFree(config.prometheusPort(), "Prometheus", "PROMETHEUS_PORT");
    process.start(
        List.of(
            BINARY.toString(),
            "--config.file=" + directory.resolve("prometheus.yml"),
            "--storage.tsdb.path=" + directory.resolve("data"),
            "--storage.tsdb.retention.time=" + RETENTION,
            "--web.listen-address=%s:%d".formatted(config.bindHost(), config.prometheusPort()),
            // POST /-/reload: a restarted `make up` applies a changed catalog to a running server.
            "--web.enable-lifecycle"));
  }

  /** Waits until Prometheus answers {@code /-/ready}. */
  public void awaitReady(Duration timeout) {
    process.awaitReady(timeout, Duration.ofMillis(200), () -> notReadyBecause("/-/ready"));
  }

  public boolean stop() {
    return process.stop(Duration.ofSeconds(30));
  }

  private void reload() {
    try {
      HttpResponse<Void> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url() + "/-/reload"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() != 200) {
        throw new PlatformException(
            "Prometheus refused to reload its configuration (HTTP %d). Log tail:%n%s"
                .formatted(response.statusCode(), process.logTail()));
      }
    } catch (IOException e) {
      throw new PlatformException("Prometheus did not answer a reload: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("interrupted", e);
    }
  }

  /** Empty when {@code path} answers 200, otherwise the status it answered. */
  private Optional<String> notReadyBecause(String path) throws IOException, InterruptedException {
    int status =
        HTTP.send(
                HttpRequest.newBuilder(URI.create(url() + path))
                    .timeout(Duration.ofSeconds(2))
                    .build(),
                HttpResponse.BodyHandlers.discarding())
            .statusCode();
    return status == 200 ? Optional.empty() : Optional.of("HTTP " + status);
  }

  private void writeConfiguration(MonitoringPolicy policy, Map<String, String> targets) {
    try {
      Files.createDirectories(directory.resolve("data"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Replaced whole: a reload never reads half a file.
    AtomicFiles.replace(
        directory.resolve("prometheus.yml"),
        PrometheusConfig.render(PrometheusConfig.localConfig(policy, targets)),
        false);
    AtomicFiles.replace(
        directory.resolve(PrometheusConfig.RULES_FILE),
        PrometheusConfig.render(PrometheusConfig.rulesFile(policy)),
        false);
  }
}
