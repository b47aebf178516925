package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.metrics.JobMetrics;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.LifecycleSettings;
import dev.catcafe.model.jobs.SparkJob;
import dev.catcafe.spark.GracefulStop;
import dev.catcafe.spark.GracefulStop.RunningBatch;
import dev.catcafe.spark.SessionSettings;
import dev.catcafe.spark.SparkSessions;
import dev.catcafe.streaming.alerts.AlertJobListeners.ObservedQuery;
import dev.catcafe.streaming.lifecycle.StartupWait;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;

/**
 * How an alert job runs from its parsed options to its query's end, the same for both: its metrics
 * served from the start (so Prometheus sees the job up while it waits for Kafka), the broker and
 * the job's topics waited for (a missing topic, say a wrong prefix, fails at once), its session
 * built, its listeners registered, and its query stopped gracefully on a signal.
 *
 * @param job the job's catalog entry (its name and metrics port)
 * @param observed what the query observes, for the listeners
 * @param topics the topics it reads and writes, waited for before the session starts
 * @param session the job's session
 * @param runningBatch what a stop does with a batch in flight
 * @param checkpointLocation the query's checkpoint, whose commit the stop waits for
 * @param query starts the job's query on the session
 */
record AlertJobRun(
    SparkJob job,
    ObservedQuery observed,
    List<Topic> topics,
    SessionSettings session,
    RunningBatch runningBatch,
    String checkpointLocation,
    QueryStart query) {

  /** Starts a query on the session it is given. */
  @FunctionalInterface
  interface QueryStart {
    StreamingQuery start(SparkSession spark) throws TimeoutException;
  }

  AlertJobRun {
    requireNonNull(job, "job is null");
    requireNonNull(observed, "observed is null");
    topics = List.copyOf(topics);
    requireNonNull(session, "session is null");
    requireNonNull(runningBatch, "runningBatch is null");
    requireNonNull(checkpointLocation, "checkpointLocation is null");
    requireNonNull(query, "query is null");
  }

  /** Runs the job with the Kafka, lifecycle and metrics settings of {@code options}; returns 0. */
  int run(AlertStreamOptions options)
      throws TimeoutException, StreamingQueryException, InterruptedException {
    requireNonNull(options, "options is null");
    LifecycleSettings lifecycle = options.lifecycle();
    try (JobMetrics metrics = JobMetrics.start(job.jobName(), options.metrics(job))) {
      new StartupWait(lifecycle.startupTimeout()).kafkaTopics(options.kafka(), topics);
      SparkSession spark = SparkSessions.create(session);
      try {
        AlertJobListeners.register(spark, metrics, observed);
        GracefulStop stop = GracefulStop.onSignals(spark, lifecycle.stopTimeout(), runningBatch);
        stop.awaitTermination(query.start(spark), checkpointLocation);
      } finally {
        spark.stop();
      }
    }
    return 0;
  }
}
