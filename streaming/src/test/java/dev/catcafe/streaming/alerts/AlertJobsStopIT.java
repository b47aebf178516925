package dev.catcafe.streaming.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.LifecycleSettings;
import dev.catcafe.model.jobs.SparkJob;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingKafka;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.TestingCatalogs;
import dev.catcafe.streaming.lifecycle.SupervisedJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SIGTERM, as {@code make down} sends it through the supervisor, to each alert job while its query
 * runs: the job stops within {@code --stop-timeout} and the exit margin and exits 0 (in real-time
 * mode, both jobs' default, it abandons its long batch at once; the Detective in micro-batch mode
 * lets its batch finish).
 */
@ExtendWith(LocalPlatformExtension.class)
final class AlertJobsStopIT {
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration PATIENCE = Duration.ofMinutes(4);

  @ParameterizedTest
  @CsvSource({
    "WELLNESS_GUARDIAN, REALTIME",
    "ADOPTER_DETECTIVE, REALTIME",
    "ADOPTER_DETECTIVE, MICROBATCH"
  })
  void sigtermStopsTheJobWithinItsBoundAndItExitsZero(
      SparkJob job, AlertJobMode mode, TestingPlatform platform) throws Exception {
    String name = "alert-stop-" + job.jobName() + "-" + mode.wireName();
    KafkaSettings kafka = platform.isolatedKafka(name + "-" + RUN + "-");
    Path scratch = platform.scratchDirectory(name);
    Path log = scratch.resolve("job.log");
    Path state = scratch.resolve("job.state");
    Path checkpoint = scratch.resolve("checkpoint");
    // Input for a first batch: real-time mode starts one only once there is data.
    TestingKafka.produce(
        kafka,
        job == SparkJob.WELLNESS_GUARDIAN ? Topic.CAT_WELLNESS : Topic.CAT_INTERACTIONS,
        List.of("{}", "{}", "{}"));
    Process supervisor =
        SupervisedJob.start(
            job,
            platform.environment(
                kafka, platform.postgres(), TestingCatalogs.jdbc(platform, "it_alert_stop")),
            log,
            state,
            List.of(
                "--mode",
                mode.wireName(),
                "--checkpoint-location",
                checkpoint.toString(),
                "--starting-offsets",
                "earliest",
                // Real-time mode logs a batch's offsets when it ends: the shortest batches it
                // allows.
                "--trigger-interval",
                mode == AlertJobMode.REALTIME ? AlertJobMode.MINIMUM_REALTIME_INTERVAL : "500ms",
                "--stop-timeout",
                STOP_TIMEOUT.toSeconds() + "s"));
    try {
      // The query runs once a first batch is in the offset log.
      Polling.await(
          PATIENCE,
          "%s to run its first batch (log %s)".formatted(job.jobName(), log),
          () -> Files.exists(checkpoint.resolve("offsets/0")));

      long started = System.nanoTime();
      supervisor.toHandle().destroy();
      assertThat(
              supervisor.waitFor(
                  STOP_TIMEOUT.plus(LifecycleSettings.EXIT_MARGIN).toSeconds(), TimeUnit.SECONDS))
          .as("%s stopped within its bound (log %s)", name, log)
          .isTrue();
      System.out.printf(
          "AlertJobsStopIT: %s stopped %d ms after SIGTERM%n",
          name, Duration.ofNanos(System.nanoTime() - started).toMillis());
    } finally {
      // Only if it failed to stop: the job's JVM is the supervisor's child.
      supervisor.descendants().forEach(ProcessHandle::destroyForcibly);
      supervisor.destroyForcibly();
    }
    assertThat(Files.readString(state)).startsWith("state=stopped restarts=0 last_exit=0");
    assertThat(Files.readString(log)).contains("SIGTERM: every streaming query stopped");
  }
}
