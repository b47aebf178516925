package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import dev.catcafe.model.cli.CatalogOptions;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.cli.Durations;
import dev.catcafe.model.cli.KafkaOptions;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.spark.LakehouseSessions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
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
    mixinStandardHelpOptions = true,
    description = "Ingests the cafe's Kafka topics into raw Iceberg tables, exactly once.")
public final class RawIngestionJob implements Callable<Integer> {
  @Mixin private KafkaOptions kafkaOptions;
  @Mixin private CatalogOptions catalogOptions;

  @Option(
      names = "--checkpoint-root",
      defaultValue =
          "${env:INGEST_CHECKPOINT_ROOT:-file://${sys:user.dir}/.work/checkpoints/raw-ingestion}",
      description =
          "Checkpoints, one directory per topic. Env INGEST_CHECKPOINT_ROOT. Default: ${DEFAULT-VALUE}.")
  private String checkpointRoot;

  @Option(
      names = "--trigger-interval",
      defaultValue = IngestionConfig.DEFAULT_TRIGGER_INTERVAL_TEXT,
      converter = Durations.Converter.class,
      description = "Micro-batch interval, e.g. 2s, 30s, 1m. Default: ${DEFAULT-VALUE}.")
  private Duration triggerInterval;

  @Option(
      names = "--max-offsets-per-trigger",
      defaultValue = "" + IngestionConfig.DEFAULT_MAX_OFFSETS_PER_TRIGGER,
      description = "Most records per topic and micro-batch. Default: ${DEFAULT-VALUE}.")
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
          "Stop when unread offsets are gone (retention, topic recreated) instead of skipping them."
              + " Default: ${DEFAULT-VALUE}.")
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

  @Option(
      names = "--spark-master",
      defaultValue = "${env:SPARK_MASTER:-local[*]}",
      description = "Spark master. Env SPARK_MASTER. Default: ${DEFAULT-VALUE}.")
  String sparkMaster;

  @Option(
      names = "--spark-ui",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Serve the Spark UI (port 4040 or the next free one). Default: ${DEFAULT-VALUE}.")
  boolean sparkUi;

  @Option(names = "--spark-conf", paramLabel = "KEY=VALUE", description = "Extra Spark settings.")
  Map<String, String> sparkConf = new LinkedHashMap<>();

  public static void main(String[] args) {
    Commands.run(new RawIngestionJob(), args);
  }

  @Override
  public Integer call() throws TimeoutException, StreamingQueryException {
    IngestionConfig config = config();
    SparkSession spark =
        session("raw-ingestion", config.catalog(), sparkMaster, sparkUi, sparkConf);
    try {
      run(spark, config);
    } finally {
      spark.stop();
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

  /** A session for the ingestion: the lake's catalog, fair scheduling between the queries. */
  public static SparkSession session(
      String appName,
      CatalogSettings catalog,
      String master,
      boolean ui,
      Map<String, String> extraConf) {
    SparkSession.Builder builder =
        LakehouseSessions.builder(appName, catalog)
            .master(requireNonNull(master, "master is null"))
            .config("spark.ui.enabled", Boolean.toString(ui))
            // No shuffle in the ingestion; keep the default small for any ad-hoc stage.
            .config("spark.sql.shuffle.partitions", "2")
            // Seven queries share the cores; FAIR keeps one large backlog from starving the rest.
            .config("spark.scheduler.mode", "FAIR")
            .config("spark.sql.streaming.metricsEnabled", "true");
    requireNonNull(extraConf, "extraConf is null").forEach(builder::config);
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel("WARN");
    Configurator.setLevel("dev.catcafe", Level.INFO);
    return spark;
  }

  /** Creates missing tables, starts one query per topic and blocks until they stop or one fails. */
  public static void run(SparkSession spark, IngestionConfig config)
      throws TimeoutException, StreamingQueryException {
    List<StreamingQuery> queries = start(spark, config);
    Thread stopper = new Thread(() -> stopAll(queries), "raw-ingestion-shutdown");
    Runtime.getRuntime().addShutdownHook(stopper);
    try {
      if (config.availableNow()) {
        for (StreamingQuery query : queries) {
          query.awaitTermination();
        }
      } else {
        spark.streams().awaitAnyTermination();
        // One query ended: surface its failure (if any) rather than run with a topic missing.
        for (StreamingQuery query : queries) {
          if (!query.isActive() && query.exception().isDefined()) {
            throw query.exception().get();
          }
        }
      }
    } finally {
      stopAll(queries);
      try {
        Runtime.getRuntime().removeShutdownHook(stopper);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already shutting down and runs the hook itself.
      }
    }
  }

  /** Creates missing tables and starts the queries; the caller owns them. */
  public static List<StreamingQuery> start(SparkSession spark, IngestionConfig config)
      throws TimeoutException {
    requireNonNull(spark, "spark is null");
    requireNonNull(config, "config is null");
    RawTableSetup.ensureTables(spark, config.catalog(), config.orderedTopics());
    spark.streams().addListener(new IngestionProgressListener());
    List<StreamingQuery> queries = new ArrayList<>();
    try {
      for (Topic topic : config.orderedTopics()) {
        queries.add(startQuery(spark, config, topic));
      }
    } catch (TimeoutException | RuntimeException e) {
      stopAll(queries);
      throw e;
    }
    return queries;
  }

  private static StreamingQuery startQuery(SparkSession spark, IngestionConfig config, Topic topic)
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
        .foreachBatch(new RawBatchSink(topic, config.catalog()))
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
