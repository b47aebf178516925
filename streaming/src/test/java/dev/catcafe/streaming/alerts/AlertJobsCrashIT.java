package dev.catcafe.streaming.alerts;

import static dev.catcafe.streaming.alerts.TestingAlertInputs.like;
import static dev.catcafe.streaming.alerts.TestingAlertInputs.reading;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.event.CatHealthAlert;
import dev.catcafe.model.event.PotentialAdopterAlert;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingKafka;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.FaultPoint;
import dev.catcafe.spark.testing.TestingCatalogs;
import dev.catcafe.streaming.ingest.IngestionProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Halts each alert job's JVM right after the broker acknowledged its first alert, before the batch
 * is in the checkpoint's commit log ({@link FaultPoint#ALERT_AFTER_KAFKA_WRITE}), and restarts it
 * without the fault: no alert is lost, and every alert the replay sends again carries the same
 * {@code alert_id} with the same content (the UI deduplicates on the id), so each alert has exactly
 * one id.
 */
@ExtendWith(LocalPlatformExtension.class)
final class AlertJobsCrashIT {
  private static final Duration PATIENCE = Duration.ofMinutes(4);
  private static final int SUBJECTS = 10;

  @Test
  void aGuardianHaltedAfterItsFirstAlertLosesNoneAndRepeatsOnlyTheSameIds(TestingPlatform platform)
      throws Exception {
    List<String> readings = new ArrayList<>();
    Set<String> expected = new HashSet<>();
    for (int cat = 0; cat < SUBJECTS; cat++) {
      readings.add(reading("thirsty-" + cat, 0.5, 5.0));
      readings.add(reading("healthy-" + cat, 0.5, 1.0));
      expected.add("thirsty-%d DEHYDRATION".formatted(cat));
    }
    expected.add("while-down DEHYDRATION");
    expected.add("sentinel STRESS");
    Crash<CatHealthAlert> crash =
        haltAtTheFirstAlertThenRestart(
            platform,
            WellnessGuardianJob.class,
            List.of(), // real-time mode, the Guardian's default
            Topic.CAT_WELLNESS,
            readings,
            List.of(reading("while-down", 0.5, 6.0), reading("sentinel", 0.05, 1.0)),
            Topic.CAT_HEALTH_ALERTS,
            CatHealthAlert.class,
            alert -> alert.catId().equals("sentinel"));
    assertNoneLostAndRepeatsKeepTheirIds(
        crash, alert -> alert.catId() + " " + alert.alertType(), CatHealthAlert::alertId, expected);
  }

  @ParameterizedTest
  @EnumSource(AlertJobMode.class)
  void aDetectiveHaltedAfterItsFirstAlertLosesNoneAndRepeatsOnlyTheSameIds(
      AlertJobMode mode, TestingPlatform platform) throws Exception {
    List<String> likes = new ArrayList<>();
    Set<String> expected = new HashSet<>();
    for (int visitor = 0; visitor < SUBJECTS; visitor++) {
      for (int cat = 1; cat <= 4; cat++) {
        likes.add(like("visitor-" + visitor, "cat-" + cat, visitor * 10 + cat));
      }
      expected.add("visitor-%d 4".formatted(visitor));
    }
    List<String> whileDown = new ArrayList<>();
    for (int cat = 1; cat <= 4; cat++) {
      whileDown.add(like("sentinel", "cat-" + cat, 200 + cat));
    }
    expected.add("sentinel 4");
    Crash<PotentialAdopterAlert> crash =
        haltAtTheFirstAlertThenRestart(
            platform,
            AdopterDetectiveJob.class,
            List.of("--mode", mode.wireName()),
            Topic.CAT_INTERACTIONS,
            likes,
            whileDown,
            Topic.POTENTIAL_ADOPTERS,
            PotentialAdopterAlert.class,
            alert -> alert.visitorId().equals("sentinel"));
    assertNoneLostAndRepeatsKeepTheirIds(
        crash,
        alert -> alert.visitorId() + " " + alert.numberOfLikes(),
        PotentialAdopterAlert::alertId,
        expected);
  }

  /** The alerts on Kafka when the halted JVM was gone, and all of them after the restart. */
  private record Crash<A>(List<A> beforeRestart, List<A> all) {}

  /**
   * Produces {@code input}, runs {@code job} (with {@code jobArguments} besides the test's own)
   * halting at its first acknowledged alert, produces {@code whileDown}, restarts the job without
   * the fault until {@code sentinel} alerts.
   */
  private static <A> Crash<A> haltAtTheFirstAlertThenRestart(
      TestingPlatform platform,
      Class<?> job,
      List<String> jobArguments,
      Topic inputTopic,
      List<String> input,
      List<String> whileDown,
      Topic alertTopic,
      Class<A> alertType,
      Predicate<A> sentinel)
      throws Exception {
    String name = (job.getSimpleName() + String.join("", jobArguments)).toLowerCase(Locale.ROOT);
    KafkaSettings kafka = platform.isolatedKafka(RunPrefixes.of("alerts-crash-" + name + "-"));
    Map<String, String> environment =
        platform.environment(
            kafka, platform.postgres(), TestingCatalogs.jdbc(platform, "unused_by_alert_jobs"));
    Path scratch = platform.scratchDirectory("alerts-crash-" + name);
    Path log = scratch.resolve(name + ".log");
    List<String> arguments = new ArrayList<>(jobArguments);
    arguments.addAll(
        List.of(
            "--checkpoint-location",
            scratch.resolve("checkpoint").toString(),
            "--starting-offsets",
            "earliest",
            "--spark-master",
            "local[2]"));
    TestingKafka.produce(kafka, inputTopic, input);
    try (AlertTopics alerts = AlertTopics.read(kafka, alertTopic)) {
      try (IngestionProcess halted =
          IngestionProcess.startJob(
              job,
              environment,
              log,
              arguments,
              List.of(FaultPoint.ALERT_AFTER_KAFKA_WRITE.jvmOption()))) {
        assertThat(halted.awaitExit(PATIENCE, log))
            .as("halted at the fault point (log %s)", log)
            .isEqualTo(FaultPoint.HALT_STATUS);
      }
      assertThat(Files.readString(log)).contains("fault point ALERT_AFTER_KAFKA_WRITE reached");
      // Acknowledged before the halt, so readable; a loaded machine may take more than one poll.
      Polling.await(
          PATIENCE,
          "the alert acknowledged before the halt",
          () -> !alerts.received(alertType).isEmpty());
      List<A> beforeRestart = alerts.received(alertType);

      TestingKafka.produce(kafka, inputTopic, whileDown);
      try (IngestionProcess restarted =
          IngestionProcess.startJob(job, environment, log, arguments, List.of())) {
        Polling.await(
            PATIENCE,
            "the sentinel's alert after the restart (log %s)".formatted(log),
            () -> {
              assertThat(restarted.isAlive()).as("job alive; log %s", log).isTrue();
              return alerts.received(alertType).stream().anyMatch(sentinel);
            });
      }
      return new Crash<>(beforeRestart, alerts.received(alertType));
    }
  }

  private static <A> void assertNoneLostAndRepeatsKeepTheirIds(
      Crash<A> crash, Function<A, String> alert, Function<A, String> id, Set<String> expected) {
    Map<String, Set<String>> idsByAlert =
        crash.all().stream()
            .collect(Collectors.groupingBy(alert, Collectors.mapping(id, Collectors.toSet())));
    assertThat(idsByAlert.keySet()).as("every alert, none lost").isEqualTo(expected);
    assertThat(idsByAlert)
        .as("a repeated alert carries the id it was first sent with")
        .allSatisfy((key, ids) -> assertThat(ids).hasSize(1));
    Map<String, Set<A>> contentById =
        crash.all().stream().collect(Collectors.groupingBy(id, Collectors.toSet()));
    assertThat(contentById)
        .as("repeated alerts are identical")
        .allSatisfy((key, contents) -> assertThat(contents).hasSize(1));
    String first = id.apply(crash.beforeRestart().get(0));
    assertThat(crash.all().stream().filter(a -> id.apply(a).equals(first)))
        .as("the batch cut off by the halt was sent again (a replay, not a skip)")
        .hasSizeGreaterThanOrEqualTo(2);
  }
}
