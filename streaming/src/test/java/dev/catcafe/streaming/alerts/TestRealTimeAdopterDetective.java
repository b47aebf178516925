package dev.catcafe.streaming.alerts;

import static dev.catcafe.streaming.alerts.TestingAlertInputs.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.spark.testing.BaseSparkTest;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-time Detective's task over likes from several Kafka partitions, as Spark runs it (one
 * task per input partition, the batch id as the local property real-time mode sets): each partition
 * keeps its own visitors' state, named by the partition the likes came from.
 */
final class TestRealTimeAdopterDetective extends BaseSparkTest {
  private static final StructType LIKES =
      new StructType()
          .add("visitor_id", DataTypes.StringType)
          .add("cat_id", DataTypes.StringType)
          .add("event_time", DataTypes.TimestampType)
          .add("partition", DataTypes.IntegerType)
          .add("record_key", DataTypes.StringType);

  @AfterEach
  void clearBatchId() {
    spark.sparkContext().setLocalProperty(RealTimeAdopterDetective.BATCH_ID_PROPERTY, null);
  }

  @Test
  void eachPartitionKeepsItsVisitorsStateFromBatchToBatch(@TempDir Path state) {
    // Kafka partition 2 is read by Spark's task 0 and partition 0 by task 1: the state follows
    // the Kafka partition.
    List<Row> batchOne =
        run(
            state,
            1,
            List.of(likes(2, "v2", "a", "b", "c", "d", "e"), likes(0, "v0", "a", "b", "c")));
    assertThat(batchOne)
        .extracting(
            alert -> alert.<String>getAs("visitor_id") + "/" + alert.getAs("number_of_likes"))
        .containsExactly("v2/4", "v2/5");

    List<Row> batchTwo = run(state, 2, List.of(likes(0, "v0", "d"), likes(2, "v2", "f")));
    assertThat(batchTwo)
        .extracting(
            alert -> alert.<String>getAs("visitor_id") + "/" + alert.getAs("number_of_likes"))
        .as("each visitor's earlier likes restored from their partition's snapshot")
        .containsExactly("v0/4", "v2/6");
    VisitorLikesSnapshots snapshots = new VisitorLikesSnapshots(state.toString(), Map.of());
    assertThat(snapshots.batchIds(0)).containsExactly(1L, 2L);
    assertThat(snapshots.batchIds(2)).containsExactly(1L, 2L);
    assertThat(snapshots.batchIds(1)).as("no task read partition 1").isEmpty();
  }

  @Test
  void aLikeNotKeyedByItsVisitorIsAppliedAndCounted(@TempDir Path state) {
    List<Row> offKey = new ArrayList<>(likes(0, "v0", "a", "b", "c"));
    offKey.add(like(0, "v0", "d", 9, "cat-d"));
    long before = offKeyLikes();

    assertThat(run(state, 1, List.of(offKey))).hasSize(1);
    assertThat(offKeyLikes() - before).isEqualTo(1);
  }

  @Test
  void aTaskGivenTwoPartitionsFails(@TempDir Path state) {
    List<Row> mixed = new ArrayList<>(likes(0, "v0", "a"));
    mixed.addAll(likes(1, "v1", "a"));

    assertThatThrownBy(() -> run(state, 1, List.of(mixed)))
        .isInstanceOf(SparkException.class)
        .hasMessageContaining("read partitions 0 and 1");
  }

  /** Runs batch {@code batchId} with one Spark task per element of {@code tasks}. */
  private List<Row> run(Path state, long batchId, List<List<Row>> tasks) {
    // One slice per task, each expanded in its own Spark partition.
    JavaRDD<Row> rows =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .parallelize(tasks, tasks.size())
            .flatMap(List::iterator);
    Dataset<Row> likes = spark.createDataFrame(rows, LIKES);
    spark
        .sparkContext()
        .setLocalProperty(RealTimeAdopterDetective.BATCH_ID_PROPERTY, Long.toString(batchId));
    return AdopterDetectiveTransform.realTimeAlerts(
            likes, AdopterDetectiveRules.defaults(), state.toString())
        .collectAsList();
  }

  private long offKeyLikes() {
    return DroppedRecords.counter(spark, RealTimeAdopterDetective.OFF_KEY_LIKES).value();
  }

  /** Likes of {@code cats} by {@code visitorId}, a second apart, keyed by the visitor. */
  private static List<Row> likes(int partition, String visitorId, String... cats) {
    List<Row> likes = new ArrayList<>();
    for (int i = 0; i < cats.length; i++) {
      likes.add(like(partition, visitorId, cats[i], i + 1, visitorId));
    }
    return likes;
  }

  private static Row like(int partition, String visitorId, String cat, int second, String key) {
    return RowFactory.create(
        visitorId, cat, Timestamp.from(START.plusSeconds(second)), partition, key);
  }
}
