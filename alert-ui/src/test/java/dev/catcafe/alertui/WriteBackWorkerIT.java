package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The worker tells a database that is away from one that refuses: tries lost to an outage do not
 * count towards giving up. The failures are thrown by the write-back itself (the one seam the
 * worker has), with the SQLSTATEs PostgreSQL's driver gives; the failure is recorded in the real
 * ledger.
 */
@ExtendWith(LocalPlatformExtension.class)
final class WriteBackWorkerIT {
  private static final Duration DEADLINE = Duration.ofSeconds(30);
  private static final int OUTAGE_TRIES = 2;

  @Test
  void triesLostToAnOutageDoNotCountTowardsGivingUp(TestingPlatform platform) {
    PostgresSettings postgres = TestingCafe.emptyCafe(platform, "ui_write_back_worker");
    AtomicInteger tries = new AtomicInteger();
    CountDownLatch settled = new CountDownLatch(1);
    WriteBack writeBack = new WriteBack("wbw-1", "visitor-1", Optional.of("wbw-cat"));

    try (ConnectionPool pool = new ConnectionPool(postgres, 1, Duration.ofSeconds(10));
        WriteBackWorker worker =
            new WriteBackWorker(
                new AdoptionLedger(pool),
                new RetryBackoff(Duration.ofMillis(1), Duration.ofMillis(10)))) {
      worker.submit(
          new WriteBackWorker.Task(
              writeBack,
              attempt -> {
                tries.incrementAndGet();
                if (attempt <= OUTAGE_TRIES) {
                  throw new SQLException("connection refused", "08001");
                }
                throw new SQLException("refused by a trigger", "P0001");
              },
              settled::countDown));

      Polling.await(DEADLINE, "write-back settled", () -> settled.getCount() == 0);
      assertThat(worker.pending()).isZero();
    }
    int expectedTries = OUTAGE_TRIES + WriteBackWorker.ATTEMPTS_BEFORE_GIVING_UP;
    assertThat(tries.get()).isEqualTo(expectedTries);
    assertThat(TestingCafe.decisions(postgres, "wbw-1"))
        .containsExactly("adopt/wbw-cat/failed/" + expectedTries);
    assertThat(TestingCafe.decisionReason(postgres, "wbw-1"))
        .hasValueSatisfying(reason -> assertThat(reason).contains("refused by a trigger"));
  }
}
