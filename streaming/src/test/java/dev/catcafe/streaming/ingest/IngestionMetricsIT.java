package dev.catcafe.streaming.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.jobs.SparkJob;
import dev.catcafe.model.monitoring.Metric;
import dev.catcafe.model.monitoring.MonitoringPolicy;
import dev.catcafe.model.monitoring.PrometheusConfig;
import dev.catcafe.platform.PlatformConfig;
import dev.catcafe.platform.Ports;
import dev.catcafe.platform.PrometheusServer;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingKafka;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.TestingCatalogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real Prometheus (Debian's package, through the platform launcher) on a free port scrapes a
 * running ingestion: the target is up, the rows-written and dead-letter counters agree with the
 * lake's {@code count(*)}, and a killed ingestion fires {@code CatcafeJobDown} within the rule's
 * {@code for} window, here shortened to seconds.
 */
@ExtendWith(LocalPlatformExtension.class)
final class IngestionMetricsIT {
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
  private static final int EVENTS = 40;
  private static final Duration PATIENCE = Duration.ofMinutes(4);
  private static final MonitoringPolicy FAST =
      MonitoringPolicy.DEFAULT.withJobDownFor(Duration.ofSeconds(1), Duration.ofSeconds(5));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void prometheusScrapesTheIngestionItsCountsMatchTheLakeAndAStoppedJobAlerts(
      TestingPlatform platform) throws Exception {
    KafkaSettings kafka = platform.isolatedKafka("ing-metrics-" + RUN + "-");
    CatalogSettings catalog = TestingCatalogs.jdbc(platform, "it_ingest_metrics_" + RUN);
    Path scratch = platform.scratchDirectory("ingest-metrics");
    Path log = scratch.resolve("ingestion.log");
    List<String> events = new ArrayList<>(KnownEvents.jsonRange(Topic.CAT_WELLNESS, 0, EVENTS));
    events.add("{not json");
    TestingKafka.produce(kafka, Topic.CAT_WELLNESS, events);
    String job = SparkJob.RAW_INGESTION.jobName();
    int metricsPort = Ports.freePort();
    PrometheusServer prometheus =
        new PrometheusServer(
            PlatformConfig.fromEnvironment(
                TestingPlatform.projectRoot(),
                Map.of(
                    "CATCAFE_HOME", scratch.resolve("prometheus-home").toString(),
                    "PROMETHEUS_PORT", Integer.toString(Ports.freePort()))));
    String rowsWritten =
        Metric.INGEST_ROWS_WRITTEN.prometheusName() + "{job=\"%s\",table=\"cat_wellness_raw\"}";
    String deadLetters =
        Metric.INGEST_DEAD_LETTERS.prometheusName() + "{job=\"%s\",table=\"cat_wellness_raw\"}";

    try (SparkSession spark = LakeRecords.readerSession("metrics-it-reader", catalog);
        IngestionProcess ingestion =
            IngestionProcess.start(
                platform.environment(kafka, platform.postgres(), catalog),
                log,
                List.of(
                    "--topic=CAT_WELLNESS",
                    "--checkpoint-root=" + scratch.resolve("checkpoints").toUri(),
                    "--trigger-interval=1s",
                    "--spark-master=local[2]",
                    "--no-spark-ui",
                    "--metrics-port=" + metricsPort))) {
      prometheus.start(FAST, Map.of(job, "127.0.0.1:" + metricsPort));
      prometheus.awaitReady(Duration.ofSeconds(60));
      try {
        Polling.await(
            PATIENCE,
            "Prometheus to see the ingestion up (log %s)".formatted(log),
            () -> {
              assertThat(ingestion.isAlive()).as("ingestion alive; log %s", log).isTrue();
              return targetHealth(prometheus, job).equals("up");
            });

        Polling.await(
            PATIENCE,
            "every event in the lake and in the scraped counters (log %s)".formatted(log),
            () ->
                LakeRecords.rows(spark, catalog) == EVENTS
                    && value(prometheus, rowsWritten.formatted(job)).orElse(-1) == EVENTS);
        assertThat(value(prometheus, deadLetters.formatted(job)))
            .hasValue((double) LakeRecords.errorRows(spark, catalog))
            .hasValue(1.0);
        // Spark's numInputRows counts every pass over a foreachBatch batch: the sink reads a
        // batch with dead letters twice (raw rows, then errors), so the input is at least this.
        // The progress listener runs on Spark's listener bus, after the batch's own counters: a
        // scrape may see the rows written before it sees the input, so it is awaited too.
        String inputRows =
            "sum(%s{job=\"%s\"})".formatted(Metric.STREAMING_INPUT_ROWS.prometheusName(), job);
        Polling.await(
            PATIENCE,
            "the input rows of every batch in the scraped counters (log %s)".formatted(log),
            () -> value(prometheus, inputRows).orElse(0) >= EVENTS + 1.0);
        assertThat(firingJobDown(prometheus, job)).as("no alert while it runs").isFalse();

        ingestion.kill();
        Polling.await(
            Duration.ofMinutes(1),
            PrometheusConfig.JOB_DOWN + " firing for the killed ingestion",
            () -> firingJobDown(prometheus, job));
      } finally {
        prometheus.stop();
      }
    }
  }

  private static String targetHealth(PrometheusServer prometheus, String job) {
    for (JsonNode target : get(prometheus, "/api/v1/targets").path("data").path("activeTargets")) {
      if (target.path("labels").path("job").asText().equals(job)) {
        return target.path("health").asText();
      }
    }
    return "missing";
  }

  /** The value of an instant query that returns at most one series. */
  private static OptionalDouble value(PrometheusServer prometheus, String query) {
    JsonNode result =
        get(prometheus, "/api/v1/query?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
            .path("data")
            .path("result");
    assertThat(result.size()).as("series of %s", query).isLessThanOrEqualTo(1);
    return result.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(Double.parseDouble(result.get(0).path("value").get(1).asText()));
  }

  private static boolean firingJobDown(PrometheusServer prometheus, String job) {
    for (JsonNode alert : get(prometheus, "/api/v1/alerts").path("data").path("alerts")) {
      if (alert.path("labels").path("alertname").asText().equals(PrometheusConfig.JOB_DOWN)
          && alert.path("labels").path("job").asText().equals(job)
          && alert.path("state").asText().equals("firing")) {
        return true;
      }
    }
    return false;
  }

  private static JsonNode get(PrometheusServer prometheus, String path) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(prometheus.url() + path)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
