package dev.catcafe.alertui;

import static dev.catcafe.alertui.AlertFeedIT.awaitMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.metrics.JobMetrics;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.MetricsSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.monitoring.Metric;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.MetricsScrape;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import java.time.Duration;
import java.time.LocalDate;
import java.util.OptionalDouble;
import java.util.Random;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The UI's metrics as Prometheus scrapes them from {@code GET /metrics}: its feed's clients and
 * messages follow what a real browser-less client sees, over real Kafka and PostgreSQL.
 */
@ExtendWith(LocalPlatformExtension.class)
final class AlertUiMetricsIT {
  @Test
  void theFeedsClientsAndMessagesAreServedOnMetrics(TestingPlatform platform) throws Exception {
    PostgresSettings postgres = TestingCafe.emptyCafe(platform, "ui_metrics");
    KafkaSettings kafka = platform.isolatedKafka("ui-metrics-");
    TestingCafe.insertCat(
        postgres, "cat-m", "Metric", "gray", "short", 12, "available", LocalDate.of(2025, 3, 1));
    try (JobMetrics metrics =
            JobMetrics.start(
                JvmApp.ALERT_UI.jobName(), new MetricsSettings(true, MetricsSettings.LOOPBACK, 0));
        AlertUiApp app =
            AlertUiApp.start(
                TestingCafe.config(kafka, postgres, "ui-metrics-it").withAdoptionShare(0.0),
                new Random(1),
                metrics.registry());
        KafkaProducer<String, String> producer = TestingCafe.producer(kafka)) {
      int port = metrics.port().orElseThrow();
      Polling.await(Duration.ofSeconds(60), "consumer assignment", app::consumerAssigned);
      assertThat(value(MetricsScrape.scrape(port), Metric.UI_WEBSOCKET_CLIENTS)).isZero();

      try (FeedClient client = TestingCafe.feed(app)) {
        Polling.await(
            Duration.ofSeconds(30),
            "the client counted",
            () -> value(MetricsScrape.scrape(port), Metric.UI_WEBSOCKET_CLIENTS) == 1);
        double before = value(MetricsScrape.scrape(port), Metric.UI_FEED_MESSAGES);
        TestingCafe.send(producer, kafka, TestingCafe.dehydration("m-1", "cat-m"));
        TestingCafe.send(producer, kafka, TestingCafe.dehydration("m-2", "cat-m"));
        awaitMessage(client, "m-2");

        String scraped = MetricsScrape.scrape(port);
        assertThat(value(scraped, Metric.UI_FEED_MESSAGES) - before).isEqualTo(2);
        assertThat(value(scraped, Metric.UI_PENDING_WRITE_BACKS)).isZero();
        assertThat(value(scraped, Metric.UI_CONSUMER_FAILURES)).isZero();
      }
      Polling.await(
          Duration.ofSeconds(30),
          "the client's leave counted",
          () -> value(MetricsScrape.scrape(port), Metric.UI_WEBSOCKET_CLIENTS) == 0);
    }
  }

  /** The one sample of {@code metric} (no labels) in a Prometheus text exposition. */
  private static double value(String exposition, Metric metric) {
    OptionalDouble sample = MetricsScrape.sample(exposition, metric.prometheusName());
    assertThat(sample).as("%s in%n%s", metric.prometheusName(), exposition).isPresent();
    return sample.getAsDouble();
  }
}
