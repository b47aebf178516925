package dev.catcafe.streaming.ingest;

import dev.catcafe.platform.testing.Polling;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL, home of the Iceberg JDBC catalog, crashes and recovers ({@code pg_ctl restart -m
 * immediate}) twice while the ingestion commits a batch every two seconds: the {@link
 * OutageScenario} runs all its queries again within two minutes, and the lake holds every record
 * Kafka holds exactly once (no commit lost, none applied twice).
 */
final class PostgresRestartIT {
  private static final int RESTARTS = 2;
  private static final Duration BETWEEN_RESTARTS = Duration.ofMinutes(3);

  @Test
  void catalogDatabaseCrashesDuringCommitsLoseAndDoubleNothing() throws Exception {
    OutageScenario.run(
        "postgres-restart",
        List.of(),
        (platform, events) -> {
          for (int restart = 0; restart < RESTARTS; restart++) {
            long acknowledged = events.acknowledged();
            // Events keep coming between two crashes: the ingestion is committing them.
            Polling.await(
                BETWEEN_RESTARTS,
                "more events before the next crash",
                () -> events.acknowledged() > acknowledged + OutageScenario.RATE);
            platform.restartPostgresImmediately();
          }
        });
  }
}
