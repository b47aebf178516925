package dev.catcafe.streaming.alerts;

import static dev.catcafe.streaming.alerts.TestingAlertInputs.START;
import static dev.catcafe.streaming.alerts.TestingAlertInputs.interaction;
import static dev.catcafe.streaming.alerts.TestingAlertInputs.like;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catcafe.model.EventTimes;
import dev.catcafe.model.event.PotentialAdopterAlert;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.spark.testing.BaseSparkTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.streaming.runtime.MemoryStream;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The whole Detective query (transformWithState on RocksDB) on a memory source and sink. A
 * processing-time transformWithState runs batches even without data, so {@code processAllAvailable}
 * never returns: the test polls the sink instead.
 */
final class TestAdopterDetectiveQuery extends BaseSparkTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  private MemoryStream<String> source;
  private StreamingQuery query;
  private ObservedMetricsLogger malformed;

  @BeforeEach
  void startQuery() throws Exception {
    // The Detective's state store settings, on the shared unit-test session.
    AdopterDetectiveJob.sessionSettings("unit-test", "local[2]")
        .build()
        .sparkConf()
        .entrySet()
        .stream()
        .filter(setting -> setting.getKey().startsWith("spark.sql.streaming.stateStore."))
        .forEach(setting -> spark.conf().set(setting.getKey(), setting.getValue()));
    malformed =
        new ObservedMetricsLogger(
            AdopterDetectiveTransform.METRICS, AdopterDetectiveTransform.MALFORMED);
    spark.streams().addListener(malformed);
    source = MemoryStream.apply(Encoders.STRING(), spark);
    Dataset<Row> kafkaShaped =
        source
            .toDF()
            .select(
                lit(null).cast("binary").as("key"),
                col("value").cast("binary").as("value"),
                lit(0).as("partition"));
    query =
        TestingMemorySink.writer(
                AdopterDetectiveTransform.detect(kafkaShaped, AdopterDetectiveRules.defaults()),
                "adopter_alerts")
            .trigger(Trigger.ProcessingTime(200))
            .start();
  }

  @AfterEach
  void stopQuery() throws Exception {
    query.stop();
    spark.streams().removeListener(malformed);
  }

  @Test
  void fourthAndFifthDistinctLikesAndARepeatRaiseAlerts() throws Exception {
    send(
        like("v1", "cat-1", 1),
        like("v1", "cat-2", 2),
        interaction("v1", "cat-9", "pet", 3),
        like("v1", "cat-3", 4),
        like("v2", "cat-1", 5),
        "{\"visitor_id\":\"v1\"}");
    Polling.await(TIMEOUT, "the malformed interaction counted", () -> malformed.total() == 1);

    send(like("v1", "cat-4", 6));
    awaitAlerts(1);
    send(like("v1", "cat-5", 7));
    awaitAlerts(2);
    send(like("v1", "cat-2", 8));
    awaitAlerts(3);

    List<PotentialAdopterAlert> alerts = alerts();
    assertThat(alerts).extracting(PotentialAdopterAlert::numberOfLikes).containsExactly(4L, 5L, 5L);
    assertThat(alerts.get(0).likedCats()).isEqualTo("cat-1, cat-2, cat-3, cat-4");
    assertThat(alerts.get(0).alertTime()).isEqualTo(EventTimes.format(START.plusSeconds(6)));
    assertThat(alerts.get(2).alertTime()).isEqualTo(EventTimes.format(START.plusSeconds(8)));
    assertThat(alerts).extracting(PotentialAdopterAlert::visitorId).containsOnly("v1");
  }

  @Test
  void likesOlderThanTheWatermarkAreDropped() throws Exception {
    long lateBefore = DroppedRecords.counter(spark, DroppedRecords.LATE_LIKES).value();
    send(like("v3", "cat-1", 0), like("v3", "cat-2", 0), like("v3", "cat-3", 0));
    // An hour later: the watermark moves to 50 minutes after the start.
    send(like("v3", "cat-4", 3600));
    awaitAlerts(1);

    send(like("v3", "cat-5", 60));
    // A later batch: once its alert is out, the batch with the late like is done.
    send(like("v4", "cat-1", 3601), like("v4", "cat-2", 3601), like("v4", "cat-3", 3601));
    send(like("v4", "cat-4", 3602));
    awaitAlerts(2);

    assertThat(alerts())
        .extracting(alert -> alert.visitorId() + " " + alert.numberOfLikes())
        .containsExactly("v3 4", "v4 4");
    // The dropped like is counted, so a metrics exporter and the progress log can show it.
    Polling.await(
        TIMEOUT,
        "the late like counted",
        () -> DroppedRecords.counter(spark, DroppedRecords.LATE_LIKES).value() == lateBefore + 1);
  }

  private void send(String... values) {
    source.addData(CollectionConverters.asScala(List.of(values)));
  }

  private void awaitAlerts(int count) {
    Polling.await(
        TIMEOUT,
        "%d alerts".formatted(count),
        () -> spark.table("adopter_alerts").count() >= count);
  }

  private List<PotentialAdopterAlert> alerts() throws Exception {
    List<PotentialAdopterAlert> alerts = new ArrayList<>();
    for (Row row : spark.table("adopter_alerts").collectAsList()) {
      PotentialAdopterAlert alert = JSON.readValue(row.getString(1), PotentialAdopterAlert.class);
      assertThat(row.getString(0)).isEqualTo(alert.key());
      alerts.add(alert);
    }
    return alerts;
  }
}
