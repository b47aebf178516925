package dev.catcafe.streaming.alerts;

import static dev.catcafe.streaming.alerts.TestingAlertInputs.reading;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.event.CatHealthAlert;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.FaultPoint;
import dev.catcafe.spark.testing.TestingCatalogs;
import dev.catcafe.streaming.ingest.IngestionProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Halts the Guardian's JVM right after the broker acknowledged its first alert, before the batch is
 * in the checkpoint's commit log ({@link FaultPoint#ALERT_AFTER_KAFKA_WRITE}), and restarts it: no
 * alert is lost, and every alert the replay sends again carries the same {@code alert_id} (which is
 * what the UI deduplicates on), so each (cat, alert type) has exactly one id.
 */
@ExtendWith(LocalPlatformExtension.class)
final class WellnessGuardianCrashIT {
  private static final Duration PATIENCE = Duration.ofMinutes(4);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aGuardianHaltedAfterItsFirstAlertLosesNoneAndRepeatsOnlyTheSameIds(TestingPlatform platform)
      throws Exception {
    KafkaSettings kafka = platform.isolatedKafka(RunPrefixes.of("alerts-guardian-crash-"));
    Map<String, String> environment =
        platform.environment(
            kafka, platform.postgres(), TestingCatalogs.jdbc(platform, "unused_by_the_guardian"));
    Path scratch = platform.scratchDirectory("guardian-crash");
    Path log = scratch.resolve("guardian.log");
    List<String> arguments =
        List.of(
            "--checkpoint-location",
            scratch.resolve("checkpoint").toString(),
            "--starting-offsets",
            "earliest",
            "--spark-master",
            "local[2]");
    List<String> readings = new ArrayList<>();
    for (int cat = 0; cat < 20; cat++) {
      readings.add(reading("thirsty-" + cat, 0.5, 5.0));
      readings.add(reading("healthy-" + cat, 0.5, 1.0));
    }
    AlertTopics.produce(kafka, Topic.CAT_WELLNESS, readings);

    try (AlertTopics alerts = AlertTopics.read(kafka, Topic.CAT_HEALTH_ALERTS)) {
      try (IngestionProcess halted =
          IngestionProcess.startJob(
              WellnessGuardianJob.class,
              environment,
              log,
              arguments,
              List.of(FaultPoint.ALERT_AFTER_KAFKA_WRITE.jvmOption()))) {
        assertThat(halted.awaitExit(PATIENCE, log))
            .as("halted at the fault point (log %s)", log)
            .isEqualTo(FaultPoint.HALT_STATUS);
      }
      assertThat(Files.readString(log)).contains("fault point ALERT_AFTER_KAFKA_WRITE reached");
      List<ConsumerRecord<String, String>> beforeRestart = alerts.received();
      assertThat(beforeRestart).as("acknowledged before the halt").isNotEmpty();

      AlertTopics.produce(
          kafka,
          Topic.CAT_WELLNESS,
          List.of(reading("while-down", 0.5, 6.0), reading("sentinel", 0.05, 1.0)));
      try (IngestionProcess restarted =
          IngestionProcess.startJob(
              WellnessGuardianJob.class, environment, log, arguments, List.of())) {
        Polling.await(
            PATIENCE,
            "the sentinel's alert after the restart (log %s)".formatted(log),
            () -> {
              assertThat(restarted.isAlive()).as("guardian alive; log %s", log).isTrue();
              return alerts.received().stream().anyMatch(r -> parse(r).catId().equals("sentinel"));
            });
      }

      List<CatHealthAlert> received = alerts.received().stream().map(this::parse).toList();
      Set<String> expected =
          IntStream.range(0, 20)
              .mapToObj(cat -> "thirsty-%d DEHYDRATION".formatted(cat))
              .collect(Collectors.toSet());
      expected.add("while-down DEHYDRATION");
      expected.add("sentinel STRESS");
      Map<String, Set<String>> idsByAlert =
          received.stream()
              .collect(
                  Collectors.groupingBy(
                      alert -> alert.catId() + " " + alert.alertType(),
                      Collectors.mapping(CatHealthAlert::alertId, Collectors.toSet())));
      assertThat(idsByAlert.keySet()).as("every alert, none lost").isEqualTo(expected);
      assertThat(idsByAlert)
          .as("a repeated alert carries the id it was first sent with")
          .allSatisfy((alert, ids) -> assertThat(ids).hasSize(1));
      assertThat(received)
          .as("repeated alerts are identical")
          .allSatisfy(
              alert ->
                  assertThat(received.stream().filter(a -> a.alertId().equals(alert.alertId())))
                      .allSatisfy(same -> assertThat(same).isEqualTo(alert)));
      CatHealthAlert first = parse(beforeRestart.get(0));
      assertThat(received)
          .as("the batch cut off by the halt was sent again (a replay, not a skip)")
          .filteredOn(alert -> alert.alertId().equals(first.alertId()))
          .hasSizeGreaterThanOrEqualTo(2);
    }
  }

  private CatHealthAlert parse(ConsumerRecord<String, String> record) {
    try {
      return JSON.readValue(record.value(), CatHealthAlert.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
