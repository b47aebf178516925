package dev.catcafe.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.platform.testing.Polling;
import dev.catcafe.spark.GracefulStop.RunningBatch;
import dev.catcafe.spark.testing.TestingSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real streaming query, stopped the way SIGTERM stops a job: a running batch finishes and is
 * committed; one that runs past the bound is abandoned within it, uncommitted, and the restart
 * replays exactly that batch (same id, same rows): nothing lost, nothing new repeated.
 */
final class TestGracefulStop {
  private static final Duration PATIENCE = Duration.ofMinutes(1);

  /** What each test's sink saw, per query name: batch id and row count, in order. */
  private static final ConcurrentHashMap<String, List<String>> SEEN = new ConcurrentHashMap<>();

  /** Latches the sink blocks on, per query name: batch 1 starts, then waits for its release. */
  private static final ConcurrentHashMap<String, CountDownLatch> STARTED =
      new ConcurrentHashMap<>();

  private static final ConcurrentHashMap<String, CountDownLatch> RELEASE =
      new ConcurrentHashMap<>();

  private static SparkSession spark;

  @TempDir Path checkpoints;

  @BeforeAll
  static void startSpark() {
    spark = SparkSessions.create(TestingSessions.local("graceful-stop-test").build());
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
  }

  @Test
  void aRunningBatchFinishesAndIsCommittedBeforeTheQueryStops() throws Exception {
    String name = "finishes";
    GracefulStop stop = GracefulStop.of(spark, Duration.ofSeconds(30), RunningBatch.FINISH);
    StreamingQuery query = start(name, checkpoints);
    assertThat(STARTED.get(name).await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

    CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> stop.stop("test"));
    // The stop waits for the batch: it cannot have ended while the batch is held.
    assertThat(stopping).isNotDone();
    assertThat(query.isActive()).isTrue();
    RELEASE.get(name).countDown();
    stopping.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

    assertThat(query.isActive()).isFalse();
    assertThat(query.exception().isDefined()).isFalse();
    // Released, batch 1 ends; a query that fell behind may have begun batch 2 already, which
    // the stop abandons while it has only planned its offsets: uncommitted, replayed later.
    long lastCommitted = lastCommittedBatch(checkpoints.resolve(name));
    assertThat(lastCommitted).as("batch 1 committed").isGreaterThanOrEqualTo(1);
    List<String> seen = SEEN.get(name);
    for (long batch = 1; batch <= lastCommitted; batch++) {
      assertThat(seen)
          .contains("batch %d rows 5".formatted(batch), "batch %d done".formatted(batch));
    }
    assertThat(seen).doesNotContain("batch %d done".formatted(lastCommitted + 1));
    assertThat(stop.isRequested()).isTrue();
  }

  @Test
  void aBatchPastTheBoundIsAbandonedWithinItAndTheRestartReplaysExactlyIt() throws Exception {
    String name = "abandons";
    Duration bound = Duration.ofSeconds(6);
    GracefulStop stop = GracefulStop.of(spark, bound, RunningBatch.FINISH);
    StreamingQuery query = start(name, checkpoints);
    assertThat(STARTED.get(name).await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

    long started = System.nanoTime();
    stop.stop("test");
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).as("stopped within the bound").isLessThan(bound.plusSeconds(1));
    assertThat(took)
        .as("the batch had the bound less the interrupt allowance to finish")
        .isGreaterThanOrEqualTo(Duration.ofSeconds(4));
    assertThat(query.isActive()).isFalse();
    assertThat(checkpoints.resolve(name + "/offsets/1")).as("batch 1 planned").exists();
    assertThat(checkpoints.resolve(name + "/commits/1")).as("batch 1 abandoned").doesNotExist();
    assertThat(SEEN.get(name)).containsExactly("batch 0 rows 5", "batch 1 rows 5");

    // The restart replays batch 1, the same rows, then goes on.
    RELEASE.get(name).countDown();
    StreamingQuery restarted = start(name, checkpoints);
    Polling.await(PATIENCE, "the restart to run batches 1 and 2", () -> SEEN.get(name).size() >= 6);
    restarted.stop();
    assertThat(SEEN.get(name).subList(0, 6))
        .containsExactly(
            "batch 0 rows 5",
            "batch 1 rows 5",
            "batch 1 rows 5",
            "batch 1 done",
            "batch 2 rows 5",
            "batch 2 done");
  }

  private static long lastCommittedBatch(Path checkpoint) throws Exception {
    try (Stream<Path> files = Files.list(checkpoint.resolve("commits"))) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(fileName -> fileName.matches("[0-9]+"))
          .mapToLong(Long::parseLong)
          .max()
          .orElse(-1);
    }
  }

  private static StreamingQuery start(String name, Path checkpoints) throws Exception {
    SEEN.putIfAbsent(name, new CopyOnWriteArrayList<>());
    STARTED.putIfAbsent(name, new CountDownLatch(1));
    RELEASE.putIfAbsent(name, new CountDownLatch(1));
    Path checkpoint = checkpoints.resolve(name);
    Files.createDirectories(checkpoint);
    return spark
        .readStream()
        .format("rate-micro-batch")
        .option("rowsPerBatch", "5")
        .load()
        .writeStream()
        .queryName(name)
        .option("checkpointLocation", checkpoint.toString())
        .trigger(Trigger.ProcessingTime(1000))
        .foreachBatch(new HeldSink(name))
        .start();
  }

  /** Records each batch; batch 1 and later wait until the test releases them. */
  private record HeldSink(String name) implements VoidFunction2<Dataset<Row>, Long> {
    @Override
    public void call(Dataset<Row> batch, Long batchId) throws Exception {
      SEEN.get(name).add("batch %d rows %d".formatted(batchId, batch.count()));
      if (batchId >= 1) {
        STARTED.get(name).countDown();
        // Interrupted when the stop abandons the batch: it then fails, uncommitted.
        RELEASE.get(name).await();
        SEEN.get(name).add("batch %d done".formatted(batchId));
      }
    }
  }
}
