package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;

import dev.catcafe.metrics.JobMetrics;
import dev.catcafe.model.Topic;
import dev.catcafe.model.cli.CatalogOptions;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.cli.Durations;
import dev.catcafe.model.cli.EventLogOption;
import dev.catcafe.model.cli.KafkaOptions;
import dev.catcafe.model.cli.LifecycleOptions;
import dev.catcafe.model.cli.MetricsOptions;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.LifecycleSettings;
import dev.catcafe.model.jobs.SparkJob;
import dev.catcafe.spark.FullDisk;
import dev.catcafe.spark.GracefulStop;
import dev.catcafe.spark.GracefulStop.RunningBatch;
import dev.catcafe.spark.SessionSettings;
import dev.catcafe.spark.SparkMasterOption;
import dev.catcafe.spark.SparkSessions;
import dev.catcafe.streaming.lifecycle.StartupWait;
import dev.catcafe.streaming.metrics.StreamingMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.apache.spark.sql.streaming.Trigger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Ingests every cafe topic into its raw Iceberg table, continuously: one Structured Streaming query
 * per topic, each with its own checkpoint, appending typed events exactly once and routing records
 * it cannot type to {@code ingest_errors}.
 *
 * <pre>
 * bin/run streaming dev.catcafe.streaming.ingest.RawIngestionJob [--trigger-interval 30s] ...
 * </pre>
 */
@Command(
    name = "raw-ingestion",
    description = "Ingests the cafe's Kafka topics into raw Iceberg tables, exactly once.")
public final class RawIngestionJob implements Callable<Integer> {
  @Mixin private KafkaOptions kafkaOptions;
  @Mixin private CatalogOptions catalogOptions;

  @Option(
      names = "--checkpoint-root",
      defaultValue =
          "${env:INGEST_CHECKPOINT_ROOT:-file://${sys:user.dir}/.work/checkpoints/raw-ingestion}",
      description = "Checkpoints, one directory per topic. Env INGEST_CHECKPOINT_ROOT.")
  private String checkpointRoot;

  @Option(
      names = "--trigger-interval",
      defaultValue = IngestionConfig.DEFAULT_TRIGGER_INTERVAL,
      converter = Durations.Converter.class,
      description = "Micro-batch interval, e.g. 2s, 30s, 1m.")
  private Duration triggerInterval;

  @Option(
      names = "--max-offsets-per-trigger",
      defaultValue = "" + IngestionConfig.DEFAULT_MAX_OFFSETS_PER_TRIGGER,
      description = "Most records per topic and micro-batch.")
  private long maxOffsetsPerTrigger;

  @Option(
      names = "--min-partitions",
      defaultValue = "0",
      description =
          "Split each micro-batch into at least this many Spark tasks (0: one per Kafka partition).")
  private int minPartitions;

  @Option(
      names = "--fail-on-data-loss",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Stop when unread offsets are gone (retention, topic recreated) instead of skipping them.")
  private boolean failOnDataLoss;

  @Option(
      names = "--available-now",
      description = "Ingest what is in the topics now, then stop (catch-up runs, benchmarks).")
  private boolean availableNow;

  @Option(
      names = "--topic",
      paramLabel = "TOPIC",
      description = "Ingest only these topics (enum names, e.g. CAT_WELLNESS). Default: all.")
  private List<Topic> topics = new ArrayList<>();

  @Mixin SparkMasterOption sparkMaster;
  @Mixin EventLogOption eventLog;

  @Mixin LifecycleOptions lifecycle;

  @Mixin MetricsOptions metrics;

  @Option(
      names = "--spark-ui",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Serve the Spark UI (port 4040 or the next free one).")
  boolean sparkUi;

  @Option(names = "--spark-conf", paramLabel = "KEY=VALUE", description = "Extra Spark settings.")
  Map<String, String> sparkConf = new LinkedHashMap<>();

  public static void main(String[] args) {
    Commands.run(new RawIngestionJob(), args);
  }

  @Override
  public Integer call() throws TimeoutException, StreamingQueryException, InterruptedException {
    IngestionConfig config = config();
    LifecycleSettings lifecycleSettings = lifecycle.settings();
    // Served from the start, so Prometheus sees the job up while it waits for its services.
    try (JobMetrics jobMetrics =
        JobMetrics.start(
            SparkJob.RAW_INGESTION.jobName(), metrics.settings(SparkJob.RAW_INGESTION))) {
      StartupWait wait = new StartupWait(lifecycleSettings.startupTimeout());
      wait.kafkaTopics(config.kafka(), config.orderedTopics());
      wait.catalogDatabase(config.catalog());
      SparkSession spark =
          SparkSessions.create(
              sessionSettings("raw-ingestion", config.catalog(), sparkMaster.master())
                  .ui(sparkUi)
                  .eventLog(eventLog.settings())
                  .conf(sparkConf)
                  .build());
      try {
        run(
            spark,
            config,
            GracefulStop.onSignals(spark, lifecycleSettings.stopTimeout(), RunningBatch.FINISH),
            jobMetrics);
      } finally {
        spark.stop();
      }
    }
    return 0;
  }

  /** The validated configuration of the parsed options. */
  IngestionConfig config() {
    return new IngestionConfig(
        kafkaOptions.settings(),
        catalogOptions.settings(),
        topics.isEmpty() ? EnumSet.allOf(Topic.class) : EnumSet.copyOf(topics),
        checkpointRoot,
        triggerInterval,
        maxOffsetsPerTrigger,
        minPartitions,
        failOnDataLoss,
        availableNow);
  }

  /**
   * The ingestion's session settings: the lake's catalog, fair scheduling between the queries, the
   * UI on (the caller may turn it off and add settings).
   */
  public static SessionSettings.Builder sessionSettings(
      String appName, CatalogSettings catalog, String master) {
    return SessionSettings.builder(appName, master)
        .catalog(catalog)
        // No shuffle in the ingestion; keep the default small for any ad-hoc stage.
        .shufflePartitions(2)
        // Seven queries share the cores; FAIR keeps one large backlog from starving the rest.
        .conf("spark.scheduler.mode", "FAIR")
        .conf("spark.sql.streaming.metricsEnabled", "true");
  }

  /**
   * Creates missing tables, starts one query per topic and blocks until they stop (a graceful stop
   * through {@code stop}, or the end of an available-now run) or one fails.
   */
  public static void run(SparkSession spark, IngestionConfig config, GracefulStop stop)
      throws TimeoutException, StreamingQueryException, InterruptedException {
    run(spark, config, stop, JobMetrics.inMemory());
  }

  /** As {@link #run(SparkSession, IngestionConfig, GracefulStop)}, reporting to {@code metrics}. */
  public static void run(
      SparkSession spark, IngestionConfig config, GracefulStop stop, JobMetrics metrics)
      throws TimeoutException, StreamingQueryException, InterruptedException {
    requireNonNull(stop, "stop is null");
    List<StreamingQuery> queries = start(spark, config, metrics);
    try {
      if (stop.isRequested()) {
        // Asked to stop while the queries started: none has committed a batch yet.
        return;
      }
      if (config.availableNow()) {
        for (StreamingQuery query : queries) {
          query.awaitTermination();
        }
      } else {
        // Returns when a query ends; throws its failure, if it failed: a topic is not left behind.
        spark.streams().awaitAnyTermination();
        // A stop lets the other queries finish their batches before the finally stops them.
        stop.awaitStopIfRequested();
      }
    } catch (StreamingQueryException failure) {
      throw explained(failure, queries, config);
    } finally {
      stopAll(queries);
    }
  }

  /**
   * The failure a query ended with: on a full disk, which path is full ({@link FullDisk});
   * otherwise with the hint of {@link #resumeFailure} if it failed before completing a batch: most
   * often its checkpoint does not fit it.
   */
  private static RuntimeException explained(
      StreamingQueryException failure, List<StreamingQuery> queries, IngestionConfig config)
      throws StreamingQueryException {
    List<Topic> topics = config.orderedTopics();
    if (FullDisk.caused(failure)) {
      return new IllegalStateException(
          FullDisk.explain(
              "The raw ingestion", List.of(config.checkpointRoot(), config.catalog().warehouse())),
          failure);
    }
    for (int index = 0; index < queries.size(); index++) {
      StreamingQuery query = queries.get(index);
      if (!query.isActive() && query.exception().isDefined() && query.lastProgress() == null) {
        return new IllegalStateException(
            resumeFailure(query.name(), config.checkpointLocation(topics.get(index)), failure),
            failure);
      }
    }
    throw failure;
  }

  /**
   * The message for a query that failed before completing a batch: it names the checkpoint it
   * resumed from and what to do if that checkpoint belongs to another query.
   */
  static String resumeFailure(String queryName, String checkpoint, Throwable cause) {
    return ("query %s failed before completing a batch, resuming from its checkpoint %s: %s."
            + " If that checkpoint was written by an incompatible query (another topic or topic"
            + " prefix, another Spark version), the job cannot resume from it: point"
            + " --checkpoint-root (INGEST_CHECKPOINT_ROOT) at the one this query wrote. Moving the"
            + " directory aside starts the query afresh from the earliest offsets, which appends"
            + " again what the raw table already holds")
        .formatted(queryName, checkpoint, requireNonNull(cause, "cause is null").getMessage());
  }

  /** Creates missing tables and starts the queries; the caller owns them. */
  public static List<StreamingQuery> start(SparkSession spark, IngestionConfig config)
      throws TimeoutException {
    return start(spark, config, JobMetrics.inMemory());
  }

  /**
   * As {@link #start(SparkSession, IngestionConfig)}; the sinks count what they write in {@code
   * metrics}, and when those are served the queries' progress goes there too ({@link
   * StreamingMetrics}).
   */
  public static List<StreamingQuery> start(
      SparkSession spark, IngestionConfig config, JobMetrics metrics) throws TimeoutException {
    requireNonNull(spark, "spark is null");
    requireNonNull(config, "config is null");
    requireNonNull(metrics, "metrics is null");
    // A sink's first batch waits for the tables (RawTableSetup.ensureTablesMeanwhile).
    CompletableFuture<Void> tables =
        RawTableSetup.ensureTablesMeanwhile(spark, config.catalog(), config.orderedTopics());
    spark.streams().addListener(new IngestionProgressListener());
    if (metrics.served()) {
      spark.streams().addListener(new StreamingMetrics(metrics.registry()));
    }
    List<StreamingQuery> queries = new ArrayList<>();
    try {
      for (Topic topic : config.orderedTopics()) {
        queries.add(startQuery(spark, config, topic, metrics, tables));
      }
      RawTableSetup.await(tables, "the raw tables of " + config.catalog().qualifiedNamespace());
    } catch (TimeoutException | RuntimeException e) {
      stopAll(queries);
      throw e;
    }
    return queries;
  }

  private static StreamingQuery startQuery(
      SparkSession spark,
      IngestionConfig config,
      Topic topic,
      JobMetrics metrics,
      CompletableFuture<Void> tables)
      throws TimeoutException {
    Trigger trigger =
        config.availableNow()
            ? Trigger.AvailableNow()
            : Trigger.ProcessingTime(config.triggerInterval().toMillis());
    return KafkaRawSource.read(spark, config, topic)
        .writeStream()
        .queryName("raw-ingestion-" + topic.rawTable().tableName())
        .option("checkpointLocation", config.checkpointLocation(topic))
        .trigger(trigger)
        .foreachBatch(new RawBatchSink(topic, config.catalog(), metrics.registry(), tables))
        .start();
  }

  private static void stopAll(List<StreamingQuery> queries) {
    for (StreamingQuery query : queries) {
      try {
        query.stop();
      } catch (TimeoutException | RuntimeException e) {
        // Stopping is best effort; the checkpoint makes the next start resume correctly anyway.
      }
    }
  }
}
