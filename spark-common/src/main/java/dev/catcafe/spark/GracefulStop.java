package dev.catcafe.spark;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.cli.TerminationSignals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a streaming job's queries on SIGTERM (what {@code make down} and every Kubernetes rollout
 * send) or SIGINT, within a bound: each query's running micro-batch may finish, and a query that is
 * between batches stops at once; a batch still running near the bound is abandoned, its offsets
 * uncommitted, so the restart replays it from the checkpoint (the sinks are idempotent for a
 * replayed batch). The queries then end without an exception, so the job's run loop returns and the
 * JVM exits 0.
 *
 * <p>It replaces the JVM's own reaction to SIGTERM (start the shutdown hooks) rather than adding a
 * hook, because Spark's shutdown hook would stop the SparkContext underneath the running batch.
 * Nothing of the stop runs in a shutdown hook: a SIGKILL after the bound (the supervisor's or the
 * kubelet's) loses nothing that the checkpoint does not replay.
 */
public final class GracefulStop {
  /** What happens to a micro-batch that is running when the stop is requested. */
  public enum RunningBatch {
    /** It may finish (micro-batch queries: batches last seconds). */
    FINISH,
    /** It is abandoned at once (real-time mode: one batch lasts minutes, never ending early). */
    ABANDON
  }

  private static final Logger LOG = LoggerFactory.getLogger(GracefulStop.class);

  /** The setting that bounds how long {@link StreamingQuery#stop()} waits for the query thread. */
  public static final String STOP_TIMEOUT_CONF = "spark.sql.streaming.stopTimeout";

  /** The most of the bound kept for interrupting an abandoned batch. */
  private static final Duration MAX_INTERRUPT_ALLOWANCE = Duration.ofSeconds(10);

  private static final Duration POLL = Duration.ofMillis(100);

  private final SparkSession spark;
  private final Duration stopTimeout;
  private final RunningBatch runningBatch;
  private final AtomicBoolean requested = new AtomicBoolean();
  private final CountDownLatch stopped = new CountDownLatch(1);

  private GracefulStop(SparkSession spark, Duration stopTimeout, RunningBatch runningBatch) {
    this.spark = requireNonNull(spark, "spark is null");
    this.stopTimeout = requireNonNull(stopTimeout, "stopTimeout is null");
    if (stopTimeout.isNegative() || stopTimeout.isZero()) {
      throw new IllegalArgumentException("stopTimeout must be positive: " + stopTimeout);
    }
    this.runningBatch = requireNonNull(runningBatch, "runningBatch is null");
  }

  /**
   * The stop of the queries {@code spark} will run, without the signal handlers (tests call {@link
   * #stop} themselves). Call before starting the queries: it bounds their stop.
   */
  public static GracefulStop of(SparkSession spark, Duration stopTimeout, RunningBatch batch) {
    GracefulStop stop = new GracefulStop(spark, stopTimeout, batch);
    // A query reads this when it starts (each runs on a clone of the session).
    spark.conf().set(STOP_TIMEOUT_CONF, Long.toString(stop.interruptAllowance().toMillis()));
    return stop;
  }

  /**
   * {@link #of}, and SIGTERM and SIGINT stop the queries: for a job's {@code main}, before it
   * starts its queries.
   */
  public static GracefulStop onSignals(
      SparkSession spark, Duration stopTimeout, RunningBatch batch) {
    GracefulStop stop = of(spark, stopTimeout, batch);
    // Never closed: the handlers stay for the job's whole life.
    TerminationSignals.onTermination(stop::stop);
    return stop;
  }

  /** Whether a stop was requested (a job checks before it starts its queries). */
  public boolean isRequested() {
    return requested.get();
  }

  /**
   * Stops every active query of the session (once; a second call returns at once): those between
   * batches now, the others when their batch ends or, past the bound less the interrupt allowance,
   * by interrupting it. Returns when all stopped, within about the stop timeout.
   */
  public void stop(String reason) {
    requireNonNull(reason, "reason is null");
    if (!requested.compareAndSet(false, true)) {
      return;
    }
    try {
      stopActiveQueries(reason);
    } finally {
      stopped.countDown();
    }
  }

  /**
   * After a query ended: if a stop was requested, waits until it has stopped every query (the run
   * loop must not stop a query whose batch is still allowed to finish); otherwise returns at once.
   */
  public void awaitStopIfRequested() throws InterruptedException {
    if (requested.get()) {
      stopped.await();
    }
  }

  /**
   * Blocks until {@code query}, the job's one query checkpointed in {@code checkpointLocation},
   * ends: by its failure (thrown; a full disk as such, naming the path) or by a stop, requested
   * while the query started (it is stopped at once: it has committed nothing yet) or while it runs
   * (waited out, so the job returns only once the stop is done).
   */
  public void awaitTermination(StreamingQuery query, String checkpointLocation)
      throws StreamingQueryException, TimeoutException, InterruptedException {
    requireNonNull(query, "query is null");
    requireNonNull(checkpointLocation, "checkpointLocation is null");
    if (isRequested()) {
      query.stop();
    }
    try {
      query.awaitTermination();
    } catch (StreamingQueryException failure) {
      if (FullDisk.caused(failure)) {
        throw new IllegalStateException(
            FullDisk.explain("Query " + query.name(), List.of(checkpointLocation)), failure);
      }
      throw failure;
    }
    awaitStopIfRequested();
  }

  private void stopActiveQueries(String reason) {
    long started = System.nanoTime();
    long finishBy = started + stopTimeout.minus(interruptAllowance()).toNanos();
    List<StreamingQuery> running = new ArrayList<>(Arrays.asList(spark.streams().active()));
    LOG.info(
        "{}: stopping {} streaming quer{} ({}; at most {}, --stop-timeout)",
        reason,
        running.size(),
        running.size() == 1 ? "y" : "ies",
        runningBatch == RunningBatch.FINISH
            ? "a running batch may finish"
            : "a running batch is abandoned and replayed after the restart",
        stopTimeout);
    // A query that falls behind starts its next batch as soon as one ends, leaving no gap to
    // see: its running batch has finished once its last completed batch is a later one.
    Map<StreamingQuery, Long> completedAtRequest = new HashMap<>();
    for (StreamingQuery query : running) {
      completedAtRequest.put(query, lastCompletedBatch(query));
    }
    Set<StreamingQuery> waitedFor = new HashSet<>();
    while (!running.isEmpty()) {
      boolean pastFinish = System.nanoTime() >= finishBy;
      for (StreamingQuery query : List.copyOf(running)) {
        boolean batchRunning = query.isActive() && query.status().isTriggerActive();
        boolean finishedOne = lastCompletedBatch(query) > completedAtRequest.get(query);
        if (!batchRunning || finishedOne) {
          // A batch that just began has planned its offsets only: the restart replays it.
          stopQuery(query, false);
          running.remove(query);
        } else if (runningBatch == RunningBatch.ABANDON || pastFinish) {
          stopQuery(query, true);
          running.remove(query);
        } else if (waitedFor.add(query)) {
          LOG.info("query {}: waiting for its running batch to finish", name(query));
        }
      }
      if (!running.isEmpty()) {
        LockSupport.parkNanos(POLL.toNanos());
      }
    }
    LOG.info(
        "{}: every streaming query stopped in {} ms",
        reason,
        Duration.ofNanos(System.nanoTime() - started).toMillis());
  }

  /** The part of the bound kept for interrupting a batch that did not finish in time. */
  Duration interruptAllowance() {
    Duration third = stopTimeout.dividedBy(3);
    return third.compareTo(MAX_INTERRUPT_ALLOWANCE) < 0 ? third : MAX_INTERRUPT_ALLOWANCE;
  }

  private static long lastCompletedBatch(StreamingQuery query) {
    return query.lastProgress() != null ? query.lastProgress().batchId() : -1;
  }

  private static String name(StreamingQuery query) {
    return query.name() != null ? query.name() : query.id().toString();
  }

  private static void stopQuery(StreamingQuery query, boolean abandonsBatch) {
    String name = name(query);
    long lastBatch = lastCompletedBatch(query);
    try {
      query.stop();
      if (abandonsBatch) {
        LOG.warn(
            "query {} stopped; its running batch (after batch {}) was abandoned: the restart"
                + " replays it from the checkpoint",
            name,
            lastBatch);
      } else {
        LOG.info("query {} stopped after a completed batch (batch {})", name, lastBatch);
      }
    } catch (TimeoutException | RuntimeException e) {
      // The query thread did not end in time: the JVM exits anyway, the checkpoint replays it.
      LOG.warn("query {} did not stop cleanly: {}", name, e.toString());
    }
  }
}
