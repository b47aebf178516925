package dev.catcafe.streaming.ingest;

import dev.catcafe.model.jobs.SparkJob;
import dev.catcafe.platform.testing.Polling;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The broker dies (SIGKILL) for at least a minute while events keep coming: the {@link
 * OutageScenario} (ingestion and both alert jobs behind {@code bin/supervise}, on a platform of the
 * test's own) runs all its queries again within two minutes of the broker's return, the lake holds
 * every record Kafka holds exactly once, and the alert jobs have sent every alert owed.
 */
final class BrokerOutageIT {
  private static final Duration OUTAGE = Duration.ofSeconds(60);

  @Test
  void aBrokerDeadForAMinuteLosesAndDoublesNothingAndTheIngestionComesBackByItself()
      throws Exception {
    OutageScenario.run(
        "broker-outage",
        List.of(SparkJob.WELLNESS_GUARDIAN, SparkJob.ADOPTER_DETECTIVE),
        (platform, events) -> {
          platform.killKafka();
          Polling.await(
              OUTAGE.plusMinutes(1),
              "the producer to find the broker down for " + OUTAGE,
              () -> events.failingFor().compareTo(OUTAGE) >= 0);
          platform.startKafka();
        });
  }
}
