package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.metrics.JobMetrics;
import dev.catcafe.model.config.LifecycleSettings;
import dev.catcafe.model.jobs.SparkJob;
import dev.catcafe.spark.GracefulStop;
import dev.catcafe.spark.SessionSettings;
import dev.catcafe.spark.SparkSessions;
import dev.catcafe.streaming.lifecycle.StartupWait;
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
 * @param query the job's query: what it observes, for the listeners, and its topics, waited for
 *     before the session starts
 * @param start starts the job's query on the session
 * @param <C> the job's configuration
 */
record AlertJobRun<C extends AlertQueryConfig>(
    SparkJob job, AlertQuery query, QueryStart<C> start) {

  /** Starts a job's query on the session it is given, as the job's configuration says. */
  @FunctionalInterface
  interface QueryStart<C> {
    StreamingQuery start(SparkSession spark, C config) throws TimeoutException;
  }

  AlertJobRun {
    requireNonNull(job, "job is null");
    requireNonNull(query, "query is null");
    requireNonNull(start, "start is null");
  }

  /**
   * Runs the query of {@code config} on the session {@code session} describes, with the Kafka,
   * lifecycle, metrics and event-log settings of {@code options}. A stop does with the batch in
   * flight what the mode says, and waits for the commit in the configured checkpoint. Returns 0.
   */
  int run(AlertStreamOptions options, C config, SessionSettings.Builder session)
      throws TimeoutException, StreamingQueryException, InterruptedException {
    requireNonNull(options, "options is null");
    requireNonNull(config, "config is null");
    SessionSettings settings =
        requireNonNull(session, "session is null").eventLog(options.eventLog()).build();
    LifecycleSettings lifecycle = options.lifecycle();
    try (JobMetrics metrics = JobMetrics.start(job.jobName(), options.metrics(job))) {
      new StartupWait(lifecycle.startupTimeout()).kafkaTopics(options.kafka(), query.topics());
      SparkSession spark = SparkSessions.create(settings);
      try {
        AlertJobListeners.register(spark, metrics, query.observed());
        GracefulStop stop =
            GracefulStop.onSignals(
                spark, lifecycle.stopTimeout(), config.stream().mode().runningBatch());
        stop.awaitTermination(start.start(spark, config), config.stream().checkpointLocation());
      } finally {
        spark.stop();
      }
    }
    return 0;
  }
}
