package dev.catcafe.bench.ingest;

import dev.catcafe.bench.BenchTopics;
import dev.catcafe.bench.BenchmarkCommand;
import dev.catcafe.bench.ScrapedMetrics;
import dev.catcafe.bench.ScrapedMetricsOption;
import dev.catcafe.bench.Stopwatch;
import dev.catcafe.model.Topic;
import dev.catcafe.model.cli.CatalogOptions;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.cli.KafkaOptions;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.spark.SparkMasterOption;
import dev.catcafe.spark.SparkSessions;
import dev.catcafe.streaming.ingest.IngestionConfig;
import dev.catcafe.streaming.ingest.RawIngestionJob;
import dev.catcafe.streaming.ingest.RawTableSetup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Measures the raw ingestion end to end: loads a backlog of simulator-like events into fresh
 * topics, ingests it with an available-now trigger, and prints events/s, CPU-seconds per million
 * events, files per table before and after compaction, and the machine. A benchmark, not a test: it
 * asserts nothing but that every event arrived.
 */
@Command(
    name = "ingest-benchmark",
    description = "Benchmarks Kafka -> Iceberg raw ingestion on a backlog.")
public final class IngestBenchmark implements Callable<Integer> {
  @Mixin private BenchmarkCommand command;
  @Mixin private KafkaOptions kafkaOptions;
  @Mixin private CatalogOptions catalogOptions;

  @Option(names = "--events", defaultValue = "5000000", description = "Backlog size.")
  private long events;

  @Option(names = "--partitions", defaultValue = "1", description = "Partitions per topic.")
  private int partitions;

  @Option(
      names = "--max-offsets-per-trigger",
      defaultValue = "2000000",
      description = "Records per topic and micro-batch.")
  private long maxOffsetsPerTrigger;

  @Option(
      names = "--min-partitions",
      defaultValue = "2",
      description = "Spark tasks per micro-batch at least.")
  private int minPartitions;

  @Mixin private SparkMasterOption sparkMaster = new SparkMasterOption("local[2]");

  @Mixin private ScrapedMetricsOption metrics;

  @Option(
      names = "--skip-ceiling",
      description =
          "Skip the ceiling measurements after the ingestion (a plain consumer reading the"
              + " backlog's bytes, the rows written once more to plain Parquet).")
  private boolean skipCeiling;

  @Option(
      names = "--work-dir",
      defaultValue = "${sys:user.dir}/.work/bench-ingest",
      description = "Checkpoints go here.")
  private Path workDirectory;

  public static void main(String[] args) {
    Commands.run(new IngestBenchmark(), args);
  }

  @Override
  public Integer call() throws Exception {
    String run = "b" + System.currentTimeMillis();
    KafkaSettings kafka = BenchTopics.forRun(kafkaOptions.settings(), run);
    CatalogSettings base = catalogOptions.settings();
    CatalogSettings catalog = base.withNamespace("bench_ingest_" + run);
    List<Topic> topics = BacklogEvents.MIX.stream().map(BacklogEvents.Share::topic).toList();

    command.printMachine(System.out);
    BenchTopics.create(kafka, topics, partitions);
    Map<Topic, Long> produced = produce(kafka);

    SparkSession spark =
        SparkSessions.create(
            RawIngestionJob.sessionSettings("ingest-benchmark", catalog, sparkMaster.master())
                .ui(false)
                .build());
    IngestionConfig config =
        new IngestionConfig(
            kafka,
            catalog,
            EnumSet.copyOf(topics),
            workDirectory.resolve(run).toUri().toString(),
            Duration.ofSeconds(1),
            maxOffsetsPerTrigger,
            minPartitions,
            true,
            true);
    ProcessClock clock = ProcessClock.start();
    double seconds;
    double cpuSeconds;
    try (ScrapedMetrics jobMetrics = metrics.start("ingest-benchmark")) {
      System.out.printf("metrics: %s%n", jobMetrics.describe());
      List<StreamingQuery> queries = RawIngestionJob.start(spark, config, jobMetrics.metrics());
      for (StreamingQuery query : queries) {
        query.awaitTermination();
      }
      seconds = clock.wallSeconds();
      cpuSeconds = clock.cpuSeconds();
      System.out.printf("metrics after the run: %s%n", jobMetrics.describe());
    }

    long ingested = 0;
    List<String> lines = new ArrayList<>();
    for (Topic topic : topics) {
      String table = topic.rawTable().qualifiedName(catalog);
      // The queries committed through their own cloned sessions' catalogs: this session's cached
      // table may still be the empty one it created (Iceberg's cache expires only after 30 s).
      spark.catalog().refreshTable(table);
      long rows = spark.table(table).count();
      ingested += rows;
      if (rows != produced.get(topic)) {
        throw new IllegalStateException(
            "%s has %d rows, %d were produced".formatted(table, rows, produced.get(topic)));
      }
      long filesBefore = dataFiles(spark, table);
      Stopwatch compaction = Stopwatch.start();
      spark
          .sql(
              ("CALL %s.system.rewrite_data_files(table => '%s', options => map("
                      + "'min-input-files', '2', 'partial-progress.enabled', 'true'))")
                  // The qualified name: a bare namespace.table makes Iceberg first look for a
                  // catalog named like the namespace, and log a stack trace when there is none.
                  .formatted(catalog.name(), table))
          .collectAsList();
      lines.add(
          "  %-22s %,10d rows  data files %4d -> %d (compaction %.1f s)"
              .formatted(
                  topic.rawTable().tableName(),
                  rows,
                  filesBefore,
                  dataFiles(spark, table),
                  compaction.seconds()));
    }
    System.out.printf(
        "ingested %,d events in %.1f s: %,.0f events/s end to end; %.1f CPU-s per million events"
            + " (process CPU %.1f s over %.1f s wall = %.2f cores busy)%n",
        ingested,
        seconds,
        ingested / seconds,
        cpuSeconds / (ingested / 1e6),
        cpuSeconds,
        seconds,
        cpuSeconds / seconds);
    lines.forEach(System.out::println);
    if (!skipCeiling) {
      printCeiling(spark, kafka, catalog, topics, run, ingested / seconds);
    }
    spark.stop();
    return 0;
  }

  /**
   * What the machine allows at each end of the ingestion, on the same backlog and rows, and the
   * ingestion as a share of it.
   */
  private void printCeiling(
      SparkSession spark,
      KafkaSettings kafka,
      CatalogSettings catalog,
      List<Topic> topics,
      String run,
      double ingestedPerSecond)
      throws InterruptedException {
    int cores = Runtime.getRuntime().availableProcessors();
    IngestCeiling.Throughput read = IngestCeiling.consume(kafka, topics, cores);
    System.out.printf(
        "ceiling, a plain consumer reading the records' bytes (%d threads): %s%n", cores, read);
    Map<String, String> table = RawTableSetup.tableProperties();
    IngestCeiling.Throughput write =
        IngestCeiling.writeParquet(
            spark, catalog, topics, workDirectory.resolve(run).resolve("ceiling-parquet"));
    System.out.printf(
        "ceiling, the ingested rows written once more to plain Parquet (%s level %s, from"
            + " memory): %s%n",
        table.get("write.parquet.compression-codec"),
        table.get("write.parquet.compression-level"),
        write);
    // Both ends on the same two cores, one after the other: what reading and writing alone allow.
    double both = 1 / (1 / read.eventsPerSecond() + 1 / write.eventsPerSecond());
    System.out.printf(
        "ingestion at %.0f%% of the plain consumer, %.0f%% of the Parquet write, %.0f%% of the two"
            + " in a row (%,.0f events/s)%n",
        100 * ingestedPerSecond / read.eventsPerSecond(),
        100 * ingestedPerSecond / write.eventsPerSecond(),
        100 * ingestedPerSecond / both,
        both);
  }

  private Map<Topic, Long> produce(KafkaSettings kafka) {
    Properties properties = new Properties();
    properties.putAll(kafka.clientProperties());
    properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    properties.put(ProducerConfig.LINGER_MS_CONFIG, "20");
    properties.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
    properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(256L * 1024 * 1024));
    properties.put(ProducerConfig.ACKS_CONFIG, "1");
    Map<Topic, Long> produced = new EnumMap<>(Topic.class);
    BacklogEvents backlog = new BacklogEvents(42, Instant.now().minus(Duration.ofDays(1)));
    Stopwatch loading = Stopwatch.start();
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(properties)) {
      for (long index = 0; index < events; index++) {
        Topic topic = BacklogEvents.topicOf(index);
        byte[] value = backlog.json(topic, index).getBytes(StandardCharsets.UTF_8);
        producer.send(new ProducerRecord<>(kafka.topicName(topic), value));
        produced.merge(topic, 1L, Long::sum);
      }
      producer.flush();
    }
    double seconds = loading.seconds();
    System.out.printf(
        "loaded a backlog of %,d events into %d topics in %.1f s (%,.0f events/s): %s%n",
        events, produced.size(), seconds, events / seconds, produced);
    return produced;
  }

  private static long dataFiles(SparkSession spark, String tableName) throws Exception {
    Table table = Spark3Util.loadIcebergTable(spark, tableName);
    table.refresh();
    String total = table.currentSnapshot().summary().get("total-data-files");
    return Long.parseLong(total);
  }
}
