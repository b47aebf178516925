package dev.catcafe.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.bench.soak.KafkaEnds.KafkaEndsException;
import dev.catcafe.bench.soak.LakeReconciliation.TopicCount;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.TrinoUser;
import dev.catcafe.model.jobs.SparkJob;
import dev.catcafe.platform.testing.ChildJvm;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.simulator.ProduceEvents;
import dev.catcafe.streaming.ingest.RawIngestionJob;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The soak's correctness check in short ({@code make soak} is the long form): the real simulator at
 * ten times its default rate for a minute and a half while the raw ingestion runs as its own JVM,
 * watched by the soak's monitor; then the lake must hold every produced record exactly once, by
 * (partition, offset), and the ingestion's lag must have stayed bounded.
 */
@ExtendWith(LocalPlatformExtension.class)
final class SoakIT {
  /** Unique per run, so a rerun on a platform that outlived the last run sees none of its data. */
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

  private static final Duration PRODUCING = Duration.ofSeconds(90);
  private static final Duration SAMPLE_INTERVAL = Duration.ofSeconds(5);
  private static final Duration WARM_UP = Duration.ofSeconds(40);

  @Test
  void tenTimesTheSimulatorsRateLosesAndDoublesNothing(TestingPlatform platform) throws Exception {
    KafkaSettings kafka = platform.isolatedKafka("soak-" + RUN + "-");
    CatalogSettings catalog = platform.catalog("it_soak_" + RUN);
    Map<String, String> environment = platform.environment(kafka, platform.postgres(), catalog);
    Path scratch = platform.scratchDirectory("soak");
    Path checkpoints = scratch.resolve("checkpoints");
    String ingestionName = SparkJob.RAW_INGESTION.jobName();
    Path ingestionLog = scratch.resolve("ingestion.log");
    Path producerLog = scratch.resolve("producer.log");

    Process ingestion =
        ChildJvm.start(
            RawIngestionJob.class.getName(),
            environment,
            ingestionLog,
            List.of(
                "--checkpoint-root",
                checkpoints.resolve(ingestionName).toUri().toString(),
                "--spark-master",
                "local[2]",
                "--no-spark-ui",
                // A free port: a make run on the same machine holds the catalog's.
                "--metrics-port=0"),
            List.of("-Xmx768m"));
    Process producer =
        ChildJvm.start(
            ProduceEvents.class.getName(),
            environment,
            producerLog,
            List.of(
                "--speed", "10",
                "--duration", PRODUCING.toSeconds() + "s",
                "--cats", "20",
                "--visitors", "40",
                "--seed", "7",
                "--metrics-port", "0"),
            List.of("-Xmx256m"));
    try {
      WatchedJob watched =
          WatchedJob.streamingJob(
              checkpoints,
              ingestionName,
              () -> ingestion.isAlive() ? OptionalLong.of(ingestion.pid()) : OptionalLong.empty());

      List<String> topics = ProduceEvents.PRODUCED_TOPICS.stream().map(kafka::topicName).toList();
      ByteArrayOutputStream printed = new ByteArrayOutputStream();
      SoakReport report =
          new SoakReport(WARM_UP, new PrintStream(printed, true, StandardCharsets.UTF_8));
      List<Long> lagsAfterWarmUp = new ArrayList<>();
      try (KafkaEnds ends = new KafkaEnds(kafka)) {
        SoakMonitor monitor = new SoakMonitor(ends, topics, List.of(watched), Optional.empty());
        long[] nextSample = {0};
        Polling.await(
            PRODUCING.plusMinutes(2),
            "the simulator to end its run (log %s)".formatted(producerLog),
            () -> {
              if (System.nanoTime() >= nextSample[0]) {
                nextSample[0] = System.nanoTime() + SAMPLE_INTERVAL.toNanos();
                SoakSample sample = sampleOf(monitor);
                report.add(sample);
                if (sample.elapsed().compareTo(WARM_UP) >= 0) {
                  sample.jobs().get(0).lag().ifPresent(lagsAfterWarmUp::add);
                }
              }
              return !producer.isAlive();
            });
        assertThat(producer.exitValue()).as("the simulator's exit (log %s)", producerLog).isZero();
        assertThat(ingestion.isAlive()).as("the ingestion runs (log %s)", ingestionLog).isTrue();
        assertThat(
                new CatchUp(ends, topics)
                    .await(monitor, watched, Duration.ofSeconds(2), Duration.ofMinutes(3)))
            .as("the ingestion caught up (log %s); samples:%n%s", ingestionLog, printed)
            .isTrue();
      }

      List<TopicCount> counts;
      try (KafkaEnds reconciliationEnds = new KafkaEnds(kafka);
          Connection trino = platform.trino(TrinoUser.ANALYST).connect()) {
        counts =
            new LakeReconciliation(reconciliationEnds, kafka, trino, catalog.namespace())
                .count(ProduceEvents.PRODUCED_TOPICS);
      }
      System.out.println(printed.toString(StandardCharsets.UTF_8));
      System.out.println(LakeReconciliation.format(counts));
      assertThat(counts)
          .as("produced vs lake:%n%s", LakeReconciliation.format(counts))
          .allMatch(TopicCount::exact);
      assertThat(counts.stream().mapToLong(TopicCount::produced).sum())
          .as("the simulator at 10x produced a real load")
          .isGreaterThan(1_000);
      assertThat(lagsAfterWarmUp).as("samples after the warm-up").hasSizeGreaterThan(4);
      assertThat(SoakReport.LAG.holds(lagsAfterWarmUp))
          .as("the ingestion's lag stayed bounded: %s", lagsAfterWarmUp)
          .isTrue();
    } finally {
      producer.destroyForcibly();
      ingestion.destroy();
      if (!ingestion.waitFor(1, TimeUnit.MINUTES)) {
        ingestion.destroyForcibly();
      }
    }
  }

  private static SoakSample sampleOf(SoakMonitor monitor) {
    try {
      return monitor.sample();
    } catch (KafkaEndsException e) {
      throw new AssertionError("the broker did not answer the soak's look", e);
    }
  }
}
