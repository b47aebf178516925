package dev.catcafe.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.EventLogSettings;
import dev.catcafe.model.config.LakeStorage;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.TestingObjectStore;
import dev.catcafe.spark.testing.TestingSessions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With the lake in an object store, Spark's own files go there too, under the same {@code s3://}
 * scheme: a stateful streaming query's checkpoint (offsets, commits, state store) and the event log
 * the History Server reads. This is how the cluster runs, where no volume is shared: the query
 * restarts from its checkpoint in the store with its state, and the log is an object in the bucket.
 * Against the platform's real S3 server, through {@link SparkSessions#create} as every job.
 */
@ExtendWith(LocalPlatformExtension.class)
final class SparkFilesInTheStoreIT {
  private static final Duration PATIENCE = Duration.ofSeconds(90);

  /** The running count the query's state holds, as its latest batch wrote it. */
  private static final AtomicLong COUNT = new AtomicLong();

  @Test
  void checkpointAndEventLogLiveInTheBucketAndTheStateSurvivesARestart(TestingPlatform platform)
      throws Exception {
    CatalogSettings lake = platform.catalog(LakeStorage.S3, "it_spark_files");
    String bucket = URI.create(lake.warehouse()).getHost();
    String root = "s3://%s/it-spark-files-%s".formatted(bucket, UUID.randomUUID());
    String checkpoint = root + "/checkpoints/counter";
    String eventLogs = root + "/spark-events";
    SparkSession spark =
        SparkSessions.create(
            TestingSessions.local("spark-files-in-the-store")
                .catalog(lake)
                .eventLog(Optional.of(EventLogSettings.in(eventLogs)))
                .build());
    long countBeforeRestart;
    long lastBatchBeforeRestart;
    try {
      StreamingQuery first = startCounter(spark, checkpoint);
      awaitBatches(first, 1);
      first.stop();
      lastBatchBeforeRestart = first.lastProgress().batchId();
      countBeforeRestart = COUNT.get();

      StreamingQuery second = startCounter(spark, checkpoint);
      awaitBatches(second, lastBatchBeforeRestart + 1);
      second.stop();
      // The state came back from the store: the count went on from where it was.
      assertThat(second.recentProgress()[0].batchId()).isGreaterThan(lastBatchBeforeRestart);
      assertThat(COUNT.get()).isGreaterThan(countBeforeRestart);
    } finally {
      spark.stop();
    }
    assertThat(countBeforeRestart).isPositive();

    List<String> checkpointObjects =
        TestingObjectStore.list(platform.objectStore(), checkpoint + "/");
    assertThat(checkpointObjects)
        .anyMatch(object -> object.endsWith("/offsets/" + lastBatchBeforeRestart))
        .anyMatch(object -> object.contains("/commits/"))
        .anyMatch(object -> object.contains("/state/0/"));
    // The event log of the finished application: a rolled log directory with its files.
    assertThat(TestingObjectStore.list(platform.objectStore(), eventLogs + "/"))
        .anyMatch(object -> object.matches(".*/eventlog_v2_[^/]+/events_1_[^/]+"));
  }

  private static StreamingQuery startCounter(SparkSession spark, String checkpoint)
      throws Exception {
    VoidFunction2<Dataset<Row>, Long> keepCount =
        (batch, batchId) -> batch.collectAsList().forEach(row -> COUNT.set(row.getLong(0)));
    return spark
        .readStream()
        .format("rate")
        .option("rowsPerSecond", "20")
        .load()
        .groupBy()
        .count()
        .writeStream()
        .outputMode("complete")
        .option("checkpointLocation", checkpoint)
        .trigger(Trigger.ProcessingTime("300 milliseconds"))
        .foreachBatch(keepCount)
        .start();
  }

  private static void awaitBatches(StreamingQuery query, long batchId) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (query.lastProgress() == null || query.lastProgress().batchId() < batchId) {
      assertThat(System.nanoTime())
          .as("batch %d within %s", batchId, PATIENCE)
          .isLessThan(deadline);
      assertThat(query.exception().isEmpty()).as("query failed: %s", query.exception()).isTrue();
      query.awaitTermination(100);
    }
  }
}
