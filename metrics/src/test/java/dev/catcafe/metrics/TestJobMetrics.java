package dev.catcafe.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.config.MetricsSettings;
import dev.catcafe.model.monitoring.Metric;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The endpoint serves the registry in Prometheus' text format, JVM meters included. */
final class TestJobMetrics {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void servesCountersAndJvmMetersOnMetrics() throws IOException, InterruptedException {
    try (JobMetrics metrics =
        JobMetrics.start("test-job", new MetricsSettings(true, MetricsSettings.LOOPBACK, 0))) {
      metrics.counter(Metric.INGEST_ROWS_WRITTEN, "cat_wellness_raw").increment(3);
      metrics.counter(Metric.DROPPED_RECORDS, "adopter-detective", Metric.REASON_LATE_LIKE);

      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:%d/metrics".formatted(metrics.port().get())))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
      assertThat(response.body())
          .contains(
              Metric.INGEST_ROWS_WRITTEN.prometheusName() + "{table=\"cat_wellness_raw\"} 3.0")
          .contains(
              Metric.DROPPED_RECORDS.prometheusName()
                  + "{query=\"adopter-detective\",reason=\"late_like\"} 0.0")
          .contains("jvm_memory_used_bytes")
          .contains("# HELP " + Metric.INGEST_ROWS_WRITTEN.prometheusName());
      assertThat(metrics.scrape()).contains(Metric.INGEST_ROWS_WRITTEN.prometheusName());
    }
  }

  @Test
  void gaugesAndFunctionCountersReadTheOwnersTotalsAtEachScrape() {
    AtomicLong acknowledged = new AtomicLong();
    AtomicInteger clients = new AtomicInteger();
    try (JobMetrics metrics =
        JobMetrics.start("test-app", new MetricsSettings(true, MetricsSettings.LOOPBACK, 0))) {
      JobMetrics.functionCounter(
          metrics.registry(),
          Metric.SIMULATOR_EVENTS_PRODUCED,
          acknowledged,
          AtomicLong::get,
          "cat-wellness-iot");
      JobMetrics.gauge(
          metrics.registry(), Metric.UI_WEBSOCKET_CLIENTS, clients, AtomicInteger::get);
      acknowledged.set(42);
      clients.set(2);
      // The registry holds owners weakly: what the program keeps must survive a collection.
      System.gc();

      assertThat(metrics.scrape())
          .contains(
              Metric.SIMULATOR_EVENTS_PRODUCED.prometheusName()
                  + "{topic=\"cat-wellness-iot\"} 42.0")
          .contains(Metric.UI_WEBSOCKET_CLIENTS.prometheusName() + " 2.0");
    }
    assertThatThrownBy(
            () ->
                JobMetrics.gauge(
                    JobMetrics.inMemory().registry(),
                    Metric.UI_FEED_MESSAGES,
                    clients,
                    AtomicInteger::get))
        .hasMessageContaining("not a gauge");
  }

  @Test
  void aPortInUseFailsNamingTheOption() {
    try (JobMetrics first =
        JobMetrics.start("first", new MetricsSettings(true, MetricsSettings.LOOPBACK, 0))) {
      int taken = first.port().get();
      assertThatThrownBy(
              () ->
                  JobMetrics.start(
                      "second", new MetricsSettings(true, MetricsSettings.LOOPBACK, taken)))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("second cannot serve metrics on 127.0.0.1:" + taken)
          .hasMessageContaining("--metrics-port");
    }
  }

  @Test
  void disabledMetricsCountButServeNothing() {
    try (JobMetrics metrics = JobMetrics.start("quiet", MetricsSettings.disabled())) {
      metrics.counter(Metric.INGEST_DEAD_LETTERS, "t").increment();
      assertThat(metrics.served()).isFalse();
      assertThat(metrics.port()).isEmpty();
      assertThat(metrics.scrape()).isEmpty();
    }
  }

  @Test
  void aCounterTakesExactlyItsLabels() {
    try (JobMetrics metrics = JobMetrics.inMemory()) {
      assertThatThrownBy(() -> metrics.counter(Metric.DROPPED_RECORDS, "only-query"))
          .hasMessageContaining("[query, reason]");
      assertThatThrownBy(() -> metrics.counter(Metric.STREAMING_STATE_ROWS, "q"))
          .hasMessageContaining("not a counter");
    }
  }
}
