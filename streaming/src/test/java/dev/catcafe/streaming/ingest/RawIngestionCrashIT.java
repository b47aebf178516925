package dev.catcafe.streaming.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.LakeStorage;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.TestingKafka;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.FaultPoint;
import dev.catcafe.spark.testing.TestingCatalogs;
import dev.catcafe.spark.testing.TestingObjectStore;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Crashes the ingestion at each dangerous moment ({@link FaultPoint}: the JVM halts there as {@code
 * kill -9} would), restarts it, and checks that every produced record is in the lake exactly once:
 * per topic, the (partition, offset) set is exactly the produced one, with no gap and no duplicate,
 * and the malformed records are in ingest_errors exactly once. The second crash is followed by what
 * a long outage brings: compaction and the expiry of every snapshot but the newest, so the
 * snapshots that recorded the replayed batch are gone when it is replayed.
 *
 * <p>The runs ingest what is in the topics and stop ({@code --available-now}), so each run ends by
 * itself: halted at its point, or done.
 */
@ExtendWith(LocalPlatformExtension.class)
final class RawIngestionCrashIT {
  /** Unique per run, so a rerun on a platform that outlived the last run sees none of its data. */
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

  private static final int FIRST_CHUNK = 200;
  private static final int SECOND_CHUNK = 50;
  private static final Duration PATIENCE = Duration.ofMinutes(5);

  /**
   * On both storages. On S3 the checkpoints are in the bucket too, as in the cluster (through S3A),
   * and a restart that finds the store unreachable stops at its start without writing; the next one
   * resumes.
   */
  @ParameterizedTest
  @EnumSource(LakeStorage.class)
  void crashesAtEachFaultPointLoseAndDoubleNothing(LakeStorage storage, TestingPlatform platform)
      throws Exception {
    String suffix = storage.name().toLowerCase(Locale.ROOT);
    KafkaSettings kafka = platform.isolatedKafka("ing-crash-" + RUN + "-" + suffix + "-");
    // The ingestion runs as its own process on the platform's environment: the JDBC catalog.
    CatalogSettings catalog = platform.catalog(storage, "it_ingest_crash_" + RUN + "_" + suffix);
    Map<String, String> environment = platform.environment(kafka, platform.postgres(), catalog);
    Path scratch = platform.scratchDirectory("ingest-crash-" + suffix);
    Path log = scratch.resolve("ingestion.log");
    String checkpoints =
        switch (storage) {
          case FILE -> scratch.resolve("checkpoints").toUri().toString();
          case S3 ->
              "s3://%s/it-checkpoints/ingest-crash-%s"
                  .formatted(URI.create(catalog.warehouse()).getHost(), RUN);
        };
    List<String> arguments =
        List.of(
            "--checkpoint-root",
            checkpoints,
            "--available-now",
            "--max-offsets-per-trigger",
            "100",
            "--spark-master",
            "local[2]",
            "--no-spark-ui");
    Map<Topic, Integer> produced = new EnumMap<>(Topic.class);
    for (Topic topic : Topic.values()) {
      produce(kafka, topic, 0, FIRST_CHUNK);
      produced.put(topic, FIRST_CHUNK);
    }

    try (SparkSession spark = LakeRecords.readerSession("crash-it-reader", catalog)) {
      long total = FIRST_CHUNK * (long) Topic.values().length;
      // Every topic's first batch holds a malformed record, so the first batch to commit its raw
      // rows halts before its ingest_errors commit.
      runUntilHalted(environment, log, arguments, FaultPoint.INGEST_AFTER_RAW_COMMIT);
      long rowsAtKill = rows(spark, catalog);
      assertThat(rowsAtKill).as("killed in the middle of the run").isPositive().isLessThan(total);
      if (storage == LakeStorage.S3) {
        restartWithTheStoreUnreachable(environment, log, arguments);
        assertThat(rows(spark, catalog))
            .as("nothing written without the store")
            .isEqualTo(rowsAtKill);
        assertThat(TestingObjectStore.list(platform.objectStore(), checkpoints + "/"))
            .as("the checkpoints are objects in the bucket")
            .anyMatch(object -> object.contains("/offsets/"));
      }
      runToTheEnd(environment, log, arguments);
      assertExactlyOnce(spark, catalog, kafka, produced, log);

      for (Topic topic : Topic.values()) {
        produce(kafka, topic, FIRST_CHUNK, FIRST_CHUNK + SECOND_CHUNK);
        produced.merge(topic, SECOND_CHUNK, Integer::sum);
      }
      runUntilHalted(environment, log, arguments, FaultPoint.INGEST_BEFORE_CHECKPOINT_COMMIT);
      long rowsAtSecondKill = rows(spark, catalog);
      assertThat(rowsAtSecondKill)
          .as("halted after a batch of the second chunk was committed")
          .isGreaterThan(total)
          .isLessThan((FIRST_CHUNK + SECOND_CHUNK) * (long) Topic.values().length);
      compactAndExpireAllButTheNewestSnapshot(spark, catalog);
      runToTheEnd(environment, log, arguments);
      assertExactlyOnce(spark, catalog, kafka, produced, log);
      assertThat(Files.readString(log)).contains("batch");
      // The batch halted before its checkpoint commit was replayed, and the replay found it in
      // the tables (after the expiry of the snapshots that recorded it) instead of writing it.
      assertThat(Files.readString(log))
          .as("the replay was skipped (log %s)", log)
          .contains("replay skipped");
    }
  }

  @Test
  void aFullCheckpointDiskStopsTheJobNamingThePathAndLosesNothing(TestingPlatform platform)
      throws Exception {
    KafkaSettings kafka = platform.isolatedKafka("ing-full-" + RUN + "-");
    CatalogSettings catalog = TestingCatalogs.jdbc(platform, "it_ingest_full_" + RUN);
    Map<String, String> environment = platform.environment(kafka, platform.postgres(), catalog);
    Path scratch = platform.scratchDirectory("ingest-full-disk");
    Path log = scratch.resolve("ingestion.log");
    Path mountPoint = Files.createDirectories(scratch.resolve("small-disk"));
    Path checkpoints = mountPoint.resolve("checkpoints");
    List<String> arguments =
        List.of(
            "--checkpoint-root",
            checkpoints.toUri().toString(),
            "--available-now",
            "--spark-master",
            "local[2]",
            "--no-spark-ui");
    Map<Topic, Integer> produced = new EnumMap<>(Topic.class);
    try (SmallDisk disk = SmallDisk.mount(mountPoint, "2m");
        SparkSession spark = LakeRecords.readerSession("full-disk-it-reader", catalog)) {
      for (Topic topic : Topic.values()) {
        produce(kafka, topic, 0, FIRST_CHUNK);
        produced.put(topic, FIRST_CHUNK);
      }
      runToTheEnd(environment, log, arguments);
      assertExactlyOnce(spark, catalog, kafka, produced, log);

      Path filler = disk.fill();
      for (Topic topic : Topic.values()) {
        produce(kafka, topic, FIRST_CHUNK, FIRST_CHUNK + SECOND_CHUNK);
      }
      long logBefore = Files.size(log);
      try (IngestionProcess process = IngestionProcess.start(environment, log, arguments)) {
        assertThat(process.awaitExit(PATIENCE, log))
            .as("the ingestion stops on a full checkpoint disk (log %s)", log)
            .isEqualTo(1);
      }
      String failedRun = Files.readString(log).substring((int) logBefore);
      String explanation =
          failedRun
              .lines()
              .filter(line -> line.contains("The raw ingestion stopped: No space left on device"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no full-disk explanation in log " + log));
      assertThat(explanation)
          .as("names the full checkpoint disk, not the roomy warehouse")
          .contains(checkpoints.toString())
          .doesNotContain(catalog.warehouse());
      assertThat(rows(spark, catalog))
          .as("nothing of the new records is committed without its checkpoint")
          .isEqualTo(FIRST_CHUNK * (long) Topic.values().length);

      Files.delete(filler);
      for (Topic topic : Topic.values()) {
        produced.merge(topic, SECOND_CHUNK, Integer::sum);
      }
      runToTheEnd(environment, log, arguments);
      assertExactlyOnce(spark, catalog, kafka, produced, log);
    }
  }

  /** A restart while the store does not answer: it stops at its start, naming the endpoint. */
  private static void restartWithTheStoreUnreachable(
      Map<String, String> environment, Path log, List<String> arguments) throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    Map<String, String> storeDown = new LinkedHashMap<>(environment);
    storeDown.put("S3_ENDPOINT", "http://127.0.0.1:" + closedPort);
    long logBefore = Files.size(log);
    try (IngestionProcess process = IngestionProcess.start(storeDown, log, arguments)) {
      assertThat(process.awaitExit(PATIENCE, log))
          .as("a restart without its store stops (log %s)", log)
          .isNotZero();
    }
    assertThat(Files.readString(log).substring((int) logBefore))
        .contains("S3_ENDPOINT")
        .contains("127.0.0.1:" + closedPort);
  }

  private static void runUntilHalted(
      Map<String, String> environment, Path log, List<String> arguments, FaultPoint point)
      throws Exception {
    try (IngestionProcess process =
        IngestionProcess.start(environment, log, arguments, List.of(point.jvmOption()))) {
      assertThat(process.awaitExit(PATIENCE, log))
          .as("halted at %s (log %s)", point, log)
          .isEqualTo(FaultPoint.HALT_STATUS);
    }
    assertThat(Files.readString(log)).contains("fault point %s reached".formatted(point));
  }

  private static void runToTheEnd(Map<String, String> environment, Path log, List<String> arguments)
      throws Exception {
    try (IngestionProcess process = IngestionProcess.start(environment, log, arguments)) {
      assertThat(process.awaitExit(PATIENCE, log)).as("restarted run (log %s)", log).isZero();
    }
  }

  /**
   * What maintenance does to tables whose ingestion stayed down past the retention: compaction,
   * then the expiry of every snapshot but the newest (the compaction's, without a batch marker).
   */
  private static void compactAndExpireAllButTheNewestSnapshot(
      SparkSession spark, CatalogSettings catalog) throws Exception {
    List<String> tables = new ArrayList<>();
    for (Topic topic : Topic.values()) {
      tables.add(topic.rawTable().qualifiedName(catalog));
    }
    tables.add(LakeTable.INGEST_ERRORS.qualifiedName(catalog));
    for (String name : tables) {
      TestingOutages.compactAndExpireAllButTheNewestSnapshot(spark, name);
    }
  }

  private static void assertExactlyOnce(
      SparkSession spark,
      CatalogSettings catalog,
      KafkaSettings kafka,
      Map<Topic, Integer> produced,
      Path log) {
    for (Topic topic : Topic.values()) {
      int count = produced.get(topic);
      List<Long> valid = LakeRecords.offsets(spark, topic.rawTable().qualifiedName(catalog));
      List<Long> errors =
          LakeRecords.offsets(
              spark,
              LakeTable.INGEST_ERRORS.qualifiedName(catalog),
              "topic = '%s'".formatted(kafka.topicName(topic)));
      List<Long> all = new ArrayList<>(valid);
      all.addAll(errors);
      all.sort(Long::compare);
      assertThat(all)
          .as("%s: every offset exactly once (log %s)", topic, log)
          .containsExactlyElementsOf(LongStream.range(0, count).boxed().toList());
      assertThat(errors)
          .as("%s: the malformed records are the dead letters", topic)
          .containsExactlyElementsOf(
              LongStream.range(0, count).filter(RawIngestionCrashIT::isMalformed).boxed().toList());
    }
  }

  private static boolean isMalformed(long index) {
    return index % 97 == 13;
  }

  private static void produce(KafkaSettings kafka, Topic topic, int from, int to) throws Exception {
    List<String> values = new ArrayList<>(KnownEvents.jsonRange(topic, from, to));
    for (int index = from; index < to; index++) {
      if (isMalformed(index)) {
        values.set(index - from, "not json #" + index);
      }
    }
    TestingKafka.produce(kafka, topic, values);
  }

  private static long rows(SparkSession spark, CatalogSettings catalog) {
    return LakeRecords.rows(spark, catalog) + LakeRecords.errorRows(spark, catalog);
  }
}
