package dev.catcafe.streaming.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.LifecycleSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingKafka;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.TestingCatalogs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * SIGTERM, what {@code make down} and every Kubernetes rollout send, to the ingestion while its
 * seven queries work through a backlog in small batches: it stops within {@code --stop-timeout} and
 * the JVM's exit margin, exits 0, and the restart neither loses nor repeats a record: per topic,
 * the lake's (partition, offset) pairs are exactly the produced ones.
 */
@ExtendWith(LocalPlatformExtension.class)
final class RawIngestionStopIT {
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
  private static final int RECORDS = 600;
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration PATIENCE = Duration.ofMinutes(8);

  @Test
  void sigtermStopsWithinTheBoundAndTheRestartLosesAndRepeatsNothing(TestingPlatform platform)
      throws Exception {
    KafkaSettings kafka = platform.isolatedKafka("ing-stop-" + RUN + "-");
    CatalogSettings catalog = TestingCatalogs.jdbc(platform, "it_ingest_stop_" + RUN);
    Path scratch = platform.scratchDirectory("ingest-stop");
    Path log = scratch.resolve("ingestion.log");
    List<String> arguments =
        List.of(
            "--checkpoint-root",
            scratch.resolve("checkpoints").toUri().toString(),
            "--trigger-interval",
            "1s",
            // Small batches over a backlog: every query is in a batch most of the time.
            "--max-offsets-per-trigger",
            "30",
            "--stop-timeout",
            STOP_TIMEOUT.toSeconds() + "s",
            "--spark-master",
            "local[2]",
            "--no-spark-ui");
    for (Topic topic : Topic.values()) {
      TestingKafka.produce(kafka, topic, KnownEvents.jsonRange(topic, 0, RECORDS));
    }
    long total = RECORDS * (long) Topic.values().length;
    Map<String, String> environment = platform.environment(kafka, platform.postgres(), catalog);

    try (SparkSession spark = LakeRecords.readerSession("stop-it-reader", catalog)) {
      try (IngestionProcess first = IngestionProcess.start(environment, log, arguments)) {
        Polling.await(
            PATIENCE,
            "the first run to commit a quarter of the records (log %s)".formatted(log),
            () -> first.isAlive() && LakeRecords.rows(spark, catalog) >= total / 4);
        Duration stopped = first.terminate(STOP_TIMEOUT.plus(LifecycleSettings.EXIT_MARGIN), log);
        assertThat(first.exitStatus()).as("exit status after SIGTERM (log %s)", log).isZero();
        assertThat(stopped).isLessThan(STOP_TIMEOUT.plus(LifecycleSettings.EXIT_MARGIN));
      }
      String firstRun = Files.readString(log);
      assertThat(firstRun)
          .as("the stop let running batches finish (log %s)", log)
          .contains("SIGTERM: stopping 7 streaming queries")
          .contains("waiting for its running batch to finish")
          .contains("SIGTERM: every streaming query stopped");
      long rowsAtStop = LakeRecords.rows(spark, catalog);
      assertThat(rowsAtStop).as("stopped in the middle of the backlog").isLessThan(total);

      try (IngestionProcess second = IngestionProcess.start(environment, log, arguments)) {
        Polling.await(
            PATIENCE,
            "the restarted run to ingest every record (log %s)".formatted(log),
            () -> {
              assertThat(second.isAlive()).as("ingestion alive; log %s", log).isTrue();
              return LakeRecords.rows(spark, catalog) >= total;
            });
      }
      for (Topic topic : Topic.values()) {
        assertThat(LakeRecords.offsets(spark, topic.rawTable().qualifiedName(catalog)))
            .as("%s: every offset exactly once (log %s)", topic, log)
            .containsExactlyElementsOf(LongStream.range(0, RECORDS).boxed().toList());
      }
      assertThat(LakeRecords.errorRows(spark, catalog)).as("every record was valid").isZero();
    }
  }
}
