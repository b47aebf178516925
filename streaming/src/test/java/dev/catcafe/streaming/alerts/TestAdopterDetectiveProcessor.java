package dev.catcafe.streaming.alerts;

import static dev.catcafe.streaming.alerts.TestingAlertInputs.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.catcafe.model.EventTimes;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.TTLConfig;
import org.apache.spark.sql.streaming.TimeMode;
import org.apache.spark.sql.streaming.TimerValues;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/** Drives the processor directly, with an in-memory state handle and no stream. */
final class TestAdopterDetectiveProcessor {
  private static final StructType LIKE_SCHEMA =
      new StructType()
          .add("visitor_id", DataTypes.StringType)
          .add("cat_id", DataTypes.StringType)
          .add("event_time", DataTypes.TimestampType);
  private static final TimerValues NO_TIMERS = atWatermark(0);

  private TestingStatefulProcessorHandle handle;
  private AdopterDetectiveProcessor processor;

  @BeforeEach
  void createProcessor() {
    handle = new TestingStatefulProcessorHandle();
    processor = new AdopterDetectiveProcessor(3, Duration.ofDays(30));
    processor.setHandle(handle);
    processor.init(OutputMode.Update(), TimeMode.ProcessingTime());
  }

  @Test
  void everyStateVariableCarriesTheConfiguredTtl() {
    assertThat(handle.ttls())
        .containsOnlyKeys(
            AdopterDetectiveProcessor.LIKED_CATS_STATE,
            AdopterDetectiveProcessor.LAST_LIKE_TIME_STATE)
        .allSatisfy((name, ttl) -> assertThat(ttl).isEqualTo(new TTLConfig(Duration.ofDays(30))));
  }

  @Test
  void fourthDistinctLikeRaisesOneAlertWithTheWholeState() {
    assertThat(like("cat-d", 1)).isEmpty();
    assertThat(like("cat-b", 2)).isEmpty();
    assertThat(like("cat-c", 3)).isEmpty();

    List<Row> alerts = like("cat-a", 4);

    assertThat(alerts).hasSize(1);
    Row alert = alerts.get(0);
    String alertTime = EventTimes.format(START.plusSeconds(4));
    assertThat(alert.getString(0)).isEqualTo("visitor-1");
    assertThat(alert.getString(1)).isEqualTo(alertTime);
    assertThat(alert.getString(2)).isEqualTo("cat-a, cat-b, cat-c, cat-d");
    assertThat(alert.getLong(3)).isEqualTo(4L);
    assertThat(alert.getString(4))
        .isEqualTo("Potential adopter detected: visitor-1 has liked 4 cats.");
    assertThat(alert.getString(5))
        .isEqualTo(AdopterAlerts.sha256Hex("visitor-1/4/" + alertTime))
        .hasSize(64);
  }

  @Test
  void fifthLikeRaisesAnotherAndARepeatedLikeUpdatesTheTime() {
    likeAll("cat-a", "cat-b", "cat-c", "cat-d");

    List<Row> fifth = like("cat-e", 10);
    assertThat(fifth).singleElement().satisfies(row -> assertThat(row.getLong(3)).isEqualTo(5L));

    List<Row> repeat = like("cat-a", 20);
    assertThat(repeat)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.getLong(3)).isEqualTo(5L);
              assertThat(row.getString(1)).isEqualTo(EventTimes.format(START.plusSeconds(20)));
              assertThat(row.getString(5)).isNotEqualTo(fifth.get(0).getString(5));
            });
  }

  @Test
  void aLikeThatChangesNothingRaisesNothing() {
    likeAll("cat-a", "cat-b", "cat-c", "cat-d");
    assertThat(like("cat-e", 30)).hasSize(1);

    // An older like of a cat already counted moves neither the set nor the last like time.
    assertThat(like("cat-b", 5)).isEmpty();
  }

  @Test
  void severalLikesInOneBatchRaiseOneAlertPerQualifyingLike() {
    List<Row> alerts =
        handle(
            List.of(
                likeRow("cat-a", 1),
                likeRow("cat-b", 2),
                likeRow("cat-b", 3),
                likeRow("cat-c", 4),
                likeRow("cat-d", 5),
                likeRow("cat-e", 6)));

    assertThat(alerts)
        .extracting(row -> row.getLong(3), row -> row.getString(1), row -> row.getString(2))
        .containsExactly(
            tuple(4L, EventTimes.format(START.plusSeconds(5)), "cat-a, cat-b, cat-c, cat-d"),
            tuple(
                5L, EventTimes.format(START.plusSeconds(6)), "cat-a, cat-b, cat-c, cat-d, cat-e"));
  }

  @Test
  void theAlertsDoNotDependOnHowTheLikesFallIntoBatches() {
    List<Row> likes =
        List.of(
            likeRow("cat-a", 1),
            likeRow("cat-b", 2),
            likeRow("cat-c", 3),
            likeRow("cat-d", 4),
            likeRow("cat-a", 5),
            likeRow("cat-e", 6));
    List<Row> oneBatch = handle(likes);

    createProcessor();
    List<Row> batchByBatch = new ArrayList<>();
    for (Row like : likes) {
      batchByBatch.addAll(handle(List.of(like)));
    }

    createProcessor();
    // Within a batch Spark promises no order: the likes count in event-time order.
    List<Row> shuffled = handle(List.of(likes.get(5), likes.get(3), likes.get(0), likes.get(4)));
    shuffled.addAll(handle(List.of(likes.get(2), likes.get(1))));

    assertThat(oneBatch).extracting(row -> row.getString(5)).hasSize(3);
    assertThat(batchByBatch).isEqualTo(oneBatch);
    assertThat(shuffled.get(shuffled.size() - 1)).isEqualTo(oneBatch.get(2));
  }

  @Test
  void aVisitorWhoseStateExpiredStartsAgain() {
    likeAll("cat-a", "cat-b", "cat-c", "cat-d");

    handle.expireAll();

    assertThat(like("cat-e", 40)).isEmpty();
  }

  @Test
  void thresholdIsConfigurable() {
    processor = new AdopterDetectiveProcessor(1, Duration.ofHours(1));
    handle = new TestingStatefulProcessorHandle();
    processor.setHandle(handle);
    processor.init(OutputMode.Update(), TimeMode.ProcessingTime());

    assertThat(like("cat-a", 1)).isEmpty();
    assertThat(like("cat-b", 2))
        .singleElement()
        .satisfies(r -> assertThat(r.getLong(3)).isEqualTo(2L));
  }

  @Test
  void likesBehindTheWatermarkAreDropped() {
    likeAll("cat-a", "cat-b", "cat-c");
    TimerValues afterWatermark = atWatermark(START.plusSeconds(100).toEpochMilli());

    List<Row> late = handle(List.of(likeRow("cat-d", 99)), afterWatermark);

    assertThat(late).isEmpty();
    assertThat(like("cat-e", 101))
        .singleElement()
        .satisfies(row -> assertThat(row.getString(2)).isEqualTo("cat-a, cat-b, cat-c, cat-e"));
  }

  @Test
  void lateLikesAreCounted() {
    LongAccumulator lateLikes = new LongAccumulator();
    processor = new AdopterDetectiveProcessor(3, Duration.ofDays(30), lateLikes);
    handle = new TestingStatefulProcessorHandle();
    processor.setHandle(handle);
    processor.init(OutputMode.Update(), TimeMode.ProcessingTime());
    TimerValues afterWatermark = atWatermark(START.plusSeconds(100).toEpochMilli());

    handle(
        List.of(likeRow("cat-a", 99), likeRow("cat-b", 98), likeRow("cat-c", 100)), afterWatermark);

    assertThat(lateLikes.value()).isEqualTo(2);
  }

  @Test
  void rejectsNonsenseSettings() {
    assertThatThrownBy(() -> new AdopterDetectiveProcessor(-1, Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AdopterDetectiveProcessor(3, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private void likeAll(String... cats) {
    for (int i = 0; i < cats.length; i++) {
      like(cats[i], i);
    }
  }

  private List<Row> like(String catId, int secondsAfterStart) {
    return handle(List.of(likeRow(catId, secondsAfterStart)));
  }

  private List<Row> handle(List<Row> likes) {
    return handle(likes, NO_TIMERS);
  }

  private List<Row> handle(List<Row> likes, TimerValues timers) {
    List<Row> out = new ArrayList<>();
    CollectionConverters.asJava(
            processor.handleInputRows(
                "visitor-1", CollectionConverters.asScala(likes.iterator()), timers))
        .forEachRemaining(out::add);
    return out;
  }

  /** Timer values with no processing time and the event-time watermark at {@code epochMillis}. */
  private static TimerValues atWatermark(long epochMillis) {
    return new TimerValues() {
      @Override
      public long getCurrentProcessingTimeInMs() {
        return 0;
      }

      @Override
      public long getCurrentWatermarkInMs() {
        return epochMillis;
      }
    };
  }

  private static Row likeRow(String catId, int secondsAfterStart) {
    return new GenericRowWithSchema(
        new Object[] {"visitor-1", catId, Timestamp.from(START.plusSeconds(secondsAfterStart))},
        LIKE_SCHEMA);
  }
}
