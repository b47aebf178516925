package dev.catcafe.streaming.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.RawTables;
import dev.catcafe.spark.SparkSessions;
import dev.catcafe.spark.testing.TestingCatalogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Kills the ingestion process with SIGKILL in the middle of a run, restarts it, and checks that
 * every produced record is in the lake exactly once: per topic, the (partition, offset) set is
 * exactly the produced one, with no gap and no duplicate, and the malformed records are in
 * ingest_errors exactly once.
 */
@ExtendWith(LocalPlatformExtension.class)
final class RawIngestionCrashIT {
  /** Unique per run, so a rerun on a platform that outlived the last run sees none of its data. */
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

  private static final int FIRST_CHUNK = 200;
  private static final int SECOND_CHUNK = 50;
  private static final Duration PATIENCE = Duration.ofMinutes(8);

  @Test
  void aKilledIngestionRestartsWithoutGapsOrDuplicates(TestingPlatform platform) throws Exception {
    KafkaSettings kafka = platform.isolatedKafka("ing-crash-" + RUN + "-");
    // The ingestion runs as its own process on the platform's environment: the JDBC catalog.
    CatalogSettings catalog = TestingCatalogs.jdbc(platform, "it_ingest_crash_" + RUN);
    Map<String, String> environment = platform.environment(kafka, platform.postgres(), catalog);
    Path scratch = platform.scratchDirectory("ingest-crash");
    Path log = scratch.resolve("ingestion.log");
    List<String> arguments =
        List.of(
            "--checkpoint-root",
            scratch.resolve("checkpoints").toUri().toString(),
            "--trigger-interval",
            "1s",
            "--max-offsets-per-trigger",
            "40",
            "--spark-master",
            "local[2]",
            "--no-spark-ui");
    Map<Topic, Integer> produced = new EnumMap<>(Topic.class);
    for (Topic topic : Topic.values()) {
      produce(kafka, topic, 0, FIRST_CHUNK);
      produced.put(topic, FIRST_CHUNK);
    }

    try (SparkSession spark =
        SparkSessions.create(
            RawIngestionJob.sessionSettings("crash-it-reader", catalog, "local[1]")
                .ui(false)
                .conf("spark.sql.catalog." + catalog.name() + ".cache-enabled", "false")
                .build())) {
      long total = FIRST_CHUNK * (long) Topic.values().length;
      try (IngestionProcess first = IngestionProcess.start(environment, log, arguments)) {
        Polling.await(
            PATIENCE,
            "the first run to commit a quarter of the records",
            () -> first.isAlive() && rows(spark, catalog) >= total / 4);
        first.kill();
      }
      long rowsAtKill = rows(spark, catalog);
      assertThat(rowsAtKill).as("killed in the middle of the run").isPositive().isLessThan(total);

      for (Topic topic : Topic.values()) {
        produce(kafka, topic, FIRST_CHUNK, FIRST_CHUNK + SECOND_CHUNK);
        produced.merge(topic, SECOND_CHUNK, Integer::sum);
      }
      long expectedTotal = (FIRST_CHUNK + SECOND_CHUNK) * (long) Topic.values().length;
      try (IngestionProcess second = IngestionProcess.start(environment, log, arguments)) {
        Polling.await(
            PATIENCE,
            "the restarted run to ingest every record (log: %s)".formatted(log),
            () -> {
              assertThat(second.isAlive()).as("ingestion process alive; log %s", log).isTrue();
              return rows(spark, catalog) >= expectedTotal;
            });
      }

      for (Topic topic : Topic.values()) {
        int count = produced.get(topic);
        List<Long> valid = offsets(spark, topic.rawTable().qualifiedName(catalog), "true");
        List<Long> errors =
            offsets(
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
                LongStream.range(0, count)
                    .filter(RawIngestionCrashIT::isMalformed)
                    .boxed()
                    .toList());
      }
      assertThat(Files.readString(log)).contains("batch");
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
    KnownEvents.produce(kafka, topic, values);
  }

  private static long rows(SparkSession spark, CatalogSettings catalog) {
    long rows = 0;
    for (Topic topic : Topic.values()) {
      String table = topic.rawTable().qualifiedName(catalog);
      if (spark.catalog().tableExists(table)) {
        rows += spark.table(table).count();
      }
    }
    String errors = LakeTable.INGEST_ERRORS.qualifiedName(catalog);
    return spark.catalog().tableExists(errors) ? rows + spark.table(errors).count() : rows;
  }

  private static List<Long> offsets(SparkSession spark, String table, String filter) {
    return spark
        .table(table)
        .filter(filter)
        .select(RawTables.KAFKA_PARTITION, RawTables.KAFKA_OFFSET)
        .collectAsList()
        .stream()
        .peek(row -> assertThat(row.getInt(0)).isZero())
        .map(row -> row.getLong(1))
        .sorted()
        .toList();
  }
}
