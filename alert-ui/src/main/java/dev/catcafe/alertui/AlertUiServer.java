package dev.catcafe.alertui;

import dev.catcafe.metrics.JobMetrics;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.cli.KafkaOptions;
import dev.catcafe.model.cli.MetricsOptions;
import dev.catcafe.model.cli.PostgresOptions;
import dev.catcafe.model.cli.TerminationSignals;
import dev.catcafe.model.config.MetricsSettings;
import dev.catcafe.model.jobs.JvmApp;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The live alert web UI (spec §5): {@code bin/run alert-ui dev.catcafe.alertui.AlertUiServer}, then
 * open http://127.0.0.1:8788/. The staff token comes from the environment only ({@code
 * ALERT_UI_STAFF_TOKEN}), never an argument, so it does not show in {@code ps}.
 */
@Command(
    name = "alert-ui",
    description = "Serves the live cafe feed, the cat roster and adoptions on one page.")
public final class AlertUiServer implements Callable<Integer> {
  @Mixin private KafkaOptions kafka;
  @Mixin private PostgresOptions postgres;
  @Mixin private MetricsOptions metrics;

  @Option(
      names = "--host",
      defaultValue = "${env:ALERT_UI_HOST:-" + AlertUiConfig.DEFAULT_HOST + "}",
      description = "Address to listen on; 0.0.0.0 for every interface. Env ALERT_UI_HOST.")
  private String host;

  @Option(
      names = "--port",
      defaultValue = "${env:ALERT_UI_PORT:-" + AlertUiConfig.DEFAULT_PORT + "}",
      description = "HTTP port. Env ALERT_UI_PORT.")
  private int port;

  @Option(
      names = "--allowed-origins",
      split = ",",
      paramLabel = "ORIGIN",
      defaultValue = "${env:ALERT_UI_ALLOWED_ORIGINS:-}",
      description =
          "Origins whose pages may use the UI, comma-separated (http(s)://host[:port]); none: the"
              + " UI's own http://127.0.0.1:PORT and http://localhost:PORT. Requests naming another"
              + " Host or Origin get 403. Env ALERT_UI_ALLOWED_ORIGINS.")
  private List<String> allowedOrigins = new ArrayList<>();

  @Option(
      names = "--max-connections",
      defaultValue =
          "${env:ALERT_UI_MAX_CONNECTIONS:-" + AlertUiConfig.DEFAULT_MAX_CONNECTIONS + "}",
      description = "WebSocket connections served at once.")
  private int maxConnections;

  @Option(
      names = "--adoption-share",
      defaultValue = "${env:ALERT_UI_ADOPTION_SHARE:-" + AlertUiConfig.DEFAULT_ADOPTION_SHARE + "}",
      description =
          "Share of adopter alerts that adopt a liked cat; 0 disables. Env ALERT_UI_ADOPTION_SHARE.")
  private double adoptionShare;

  @Option(
      names = "--recent-alerts",
      defaultValue = "" + AlertUiConfig.DEFAULT_RECENT_ALERTS,
      description = "Feed messages replayed to a page when it connects.")
  private int recentAlerts;

  @Option(
      names = "--consumer-group",
      defaultValue = "${env:ALERT_UI_CONSUMER_GROUP:-" + AlertUiConfig.DEFAULT_CONSUMER_GROUP + "}",
      description = "Kafka consumer group.")
  private String consumerGroup;

  @Option(
      names = "--new-group-start",
      defaultValue = AlertUiConfig.DEFAULT_OFFSET_RESET,
      description = "Where a consumer group with no committed offsets starts: latest or earliest.")
  private String newGroupStart;

  @Option(
      names = "--pool-size",
      defaultValue = "" + AlertUiConfig.DEFAULT_POOL_SIZE,
      description = "PostgreSQL connections kept.")
  private int poolSize;

  public static void main(String[] args) {
    Commands.run(new AlertUiServer(), args);
  }

  AlertUiConfig config() {
    return new AlertUiConfig(
        host,
        port,
        allowedOrigins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList(),
        maxConnections,
        adoptionShare,
        StaffToken.of(System.getenv("ALERT_UI_STAFF_TOKEN")),
        recentAlerts,
        consumerGroup,
        newGroupStart,
        poolSize,
        AlertUiConfig.DEFAULT_NAME_CACHE_SIZE,
        kafka.settings(),
        postgres.settings());
  }

  /** Where the UI serves its metrics: the catalog's port unless an option says otherwise. */
  MetricsSettings metricsSettings() {
    return metrics.settings(JvmApp.ALERT_UI);
  }

  @Override
  public Integer call() throws InterruptedException {
    AlertUiConfig config = config();
    CountDownLatch stopRequested = new CountDownLatch(1);
    // SIGTERM closes the app on this thread and the JVM exits 0: a clean stop, not status 143.
    try (TerminationSignals signals =
            TerminationSignals.onTermination(signal -> stopRequested.countDown());
        JobMetrics jobMetrics = JobMetrics.start(JvmApp.ALERT_UI.jobName(), metricsSettings());
        AlertUiApp app = AlertUiApp.start(config, new SecureRandom(), jobMetrics.registry())) {
      stopRequested.await();
    }
    return 0;
  }
}
