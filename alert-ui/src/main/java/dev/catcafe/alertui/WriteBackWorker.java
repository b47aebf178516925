package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies write-backs on its own thread, one at a time, so a slow or absent database never holds up
 * the feed. A write-back that fails because PostgreSQL is away (see {@link
 * SqlFailures#isTransient}) is retried with back-off until it lands; one that fails for another
 * reason is tried {@value #ATTEMPTS_BEFORE_GIVING_UP} times and then recorded as failed with the
 * reason. Either way its {@code settled} callback runs only once the outcome is in PostgreSQL; a
 * write-back still in flight at {@link #close()} is not settled, so its alert is redelivered.
 */
public final class WriteBackWorker implements AutoCloseable {
  /** Tries of a write-back that fails for a reason other than the database being away. */
  static final int ATTEMPTS_BEFORE_GIVING_UP = 3;

  private static final Logger LOG = LoggerFactory.getLogger(WriteBackWorker.class);

  /** One write-back: how to apply it, how to record its failure, and whom to tell when done. */
  public record Task(WriteBack writeBack, Apply apply, Runnable settled) {
    public Task {
      requireNonNull(writeBack, "writeBack is null");
      requireNonNull(apply, "apply is null");
      requireNonNull(settled, "settled is null");
    }
  }

  /** Applies a write-back; {@code attempt} counts from 1. */
  @FunctionalInterface
  public interface Apply {
    void apply(int attempt) throws SQLException;
  }

  private final AdoptionLedger ledger;
  private final RetryBackoff backoff;
  private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong failedTries = new AtomicLong();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final Thread thread;

  public WriteBackWorker(AdoptionLedger ledger, RetryBackoff backoff) {
    this.ledger = requireNonNull(ledger, "ledger is null");
    this.backoff = requireNonNull(backoff, "backoff is null");
    this.thread = new Thread(this::run, "write-back");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  public void submit(Task task) {
    requireNonNull(task, "task is null");
    inFlight.incrementAndGet();
    queue.add(task);
  }

  /** Write-backs submitted and not yet settled. */
  public int pending() {
    return inFlight.get();
  }

  /** Tries that failed and were (or will be) retried, since start. */
  public long failedTries() {
    return failedTries.get();
  }

  private void run() {
    try {
      while (closing.getCount() > 0) {
        Task task = queue.poll(1, TimeUnit.SECONDS);
        if (task != null && settle(task)) {
          inFlight.decrementAndGet();
          task.settled().run();
        }
      }
    } catch (InterruptedException stop) {
      Thread.currentThread().interrupt();
    }
  }

  /** Applies {@code task} until it lands or is recorded as failed; false when closed first. */
  private boolean settle(Task task) throws InterruptedException {
    String alertId = task.writeBack().alertId();
    int tries = 0;
    int refusals = 0;
    while (closing.getCount() > 0) {
      tries++;
      try {
        task.apply().apply(tries);
        if (tries > 1) {
          LOG.info("write-back for alert {} landed after {} tries", alertId, tries);
        }
        return true;
      } catch (SQLException | RuntimeException failure) {
        boolean databaseAway = SqlFailures.isTransient(failure);
        if (!databaseAway && ++refusals >= ATTEMPTS_BEFORE_GIVING_UP) {
          failedTries.incrementAndGet();
          return recordFailure(task.writeBack(), failure.toString(), tries);
        }
        if (!retryAfter(failure, alertId, tries, databaseAway)) {
          return false;
        }
      }
    }
    return false;
  }

  /**
   * Records that {@code writeBack} was refused, retried while the database is away; false when
   * closed first.
   */
  private boolean recordFailure(WriteBack writeBack, String reason, int tries)
      throws InterruptedException {
    for (int recordTry = 1; ; recordTry++) {
      try {
        ledger.recordFailure(writeBack, reason, tries);
        LOG.error("write-back for alert {} recorded as failed: {}", writeBack.alertId(), reason);
        return true;
      } catch (SQLException | RuntimeException failure) {
        if (!SqlFailures.isTransient(failure)) {
          // Even the failure cannot be written: say so loudly rather than loop on it.
          LOG.error(
              "write-back for alert {} failed ({}) and could not be recorded: {}",
              writeBack.alertId(),
              reason,
              failure.toString());
          return true;
        }
        if (!retryAfter(failure, writeBack.alertId(), recordTry, true)) {
          return false;
        }
      }
    }
  }

  /** Counts the failed try and waits the back-off; false when closed meanwhile. */
  private boolean retryAfter(Exception failure, String alertId, int failures, boolean databaseAway)
      throws InterruptedException {
    failedTries.incrementAndGet();
    Duration wait = backoff.delay(failures);
    LOG.warn(
        "write-back for alert {} failed (try {}, {}); retrying in {} ms: {}",
        alertId,
        failures,
        databaseAway ? "database unreachable" : "error",
        wait.toMillis(),
        failure.toString());
    return !closing.await(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    closing.countDown();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    if (pending() > 0) {
      LOG.info(
          "{} write-backs unsettled at stop: their alerts are read again on restart", pending());
    }
  }
}
