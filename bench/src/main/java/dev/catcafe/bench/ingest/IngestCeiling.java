package dev.catcafe.bench.ingest;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.streaming.ingest.RawTableSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The machine's ceiling for the ingestion's two ends, measured on the very backlog and rows the
 * ingestion just handled: a plain Kafka consumer that only reads the records' bytes (one per core,
 * the partitions shared out by size), and the ingested rows written once more to plain Parquet with
 * the raw tables' codec and level, from memory. Ingestion also parses, types, partitions, stages
 * and commits; these two bound what any ingestion of the backlog could reach here.
 */
final class IngestCeiling {
  /** How much work took how long: wall seconds and the whole process' CPU seconds. */
  record Throughput(long events, double seconds, double cpuSeconds) {
    double eventsPerSecond() {
      return events / seconds;
    }

    double cpuSecondsPerMillion() {
      return cpuSeconds / (events / 1e6);
    }

    @Override
    public String toString() {
      return "%,d events in %.1f s: %,.0f events/s, %.1f CPU-s per million events"
          .formatted(events, seconds, eventsPerSecond(), cpuSecondsPerMillion());
    }
  }

  private static final Duration POLL = Duration.ofMillis(500);

  /**
   * Bytes a fetch may return per partition: 8 MiB rather than the client's 1 MiB, with which a
   * plain consumer read the 10M backlog at 0.37M events/s instead of 1.65M on one thread, waiting
   * on round trips. The ingestion keeps the default: 8 MiB made it no faster (CPU-bound elsewhere).
   */
  private static final int FETCH_BYTES_PER_PARTITION = 8 * 1024 * 1024;

  private IngestCeiling() {}

  /** Reads every record of {@code topics} from the start to today's end, keeping only its size. */
  static Throughput consume(KafkaSettings kafka, Collection<Topic> topics, int consumers)
      throws InterruptedException {
    requireNonNull(kafka, "kafka is null");
    List<List<TopicPartition>> shares = shareOut(kafka, topics, consumers);
    return timed(
        () -> {
          ExecutorService pool = Executors.newFixedThreadPool(shares.size());
          try {
            List<Future<Long>> read = new ArrayList<>();
            for (List<TopicPartition> share : shares) {
              read.add(pool.submit(() -> readAll(kafka, share)));
            }
            long events = 0;
            for (Future<Long> future : read) {
              events += future.get();
            }
            return events;
          } finally {
            pool.shutdownNow();
          }
        });
  }

  /**
   * Writes the rows of each topic's raw table once more, to plain Parquet under {@code directory}
   * with the raw tables' codec and level; the rows are read and held in memory first, so only the
   * encoding and writing is timed.
   */
  static Throughput writeParquet(
      SparkSession spark, CatalogSettings catalog, Collection<Topic> topics, Path directory)
      throws InterruptedException {
    Map<String, String> table = RawTableSetup.tableProperties();
    List<Dataset<Row>> held = new ArrayList<>();
    long rows = 0;
    for (Topic topic : topics) {
      Dataset<Row> data =
          spark
              .table(topic.rawTable().qualifiedName(catalog))
              .repartition(spark.sparkContext().defaultParallelism())
              .cache();
      rows += data.count();
      held.add(data);
    }
    long events = rows;
    try {
      return timed(
          () -> {
            for (int index = 0; index < held.size(); index++) {
              held.get(index)
                  .write()
                  .mode(SaveMode.Overwrite)
                  .option("compression", table.get("write.parquet.compression-codec"))
                  .option(
                      "parquet.compression.codec.zstd.level",
                      table.get("write.parquet.compression-level"))
                  .parquet(directory.resolve("table-" + index).toUri().toString());
            }
            return events;
          });
    } finally {
      held.forEach(Dataset::unpersist);
    }
  }

  private interface Work {
    long run() throws Exception;
  }

  private static Throughput timed(Work work) throws InterruptedException {
    ProcessClock clock = ProcessClock.start();
    long events;
    try {
      events = work.run();
    } catch (InterruptedException e) {
      throw e;
    } catch (ExecutionException e) {
      throw new IllegalStateException("ceiling measurement failed", e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException("ceiling measurement failed", e);
    }
    return new Throughput(events, clock.wallSeconds(), clock.cpuSeconds());
  }

  /** The topics' partitions in {@code consumers} shares of about equal record counts. */
  private static List<List<TopicPartition>> shareOut(
      KafkaSettings kafka, Collection<Topic> topics, int consumers) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka)) {
      List<TopicPartition> partitions = new ArrayList<>();
      for (Topic topic : topics) {
        for (PartitionInfo info : consumer.partitionsFor(kafka.topicName(topic))) {
          partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
      }
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
      partitions.sort(
          Comparator.comparingLong((TopicPartition p) -> ends.get(p) - starts.get(p)).reversed());
      List<List<TopicPartition>> shares = new ArrayList<>();
      long[] sizes = new long[Math.min(consumers, partitions.size())];
      for (int index = 0; index < sizes.length; index++) {
        shares.add(new ArrayList<>());
      }
      for (TopicPartition partition : partitions) {
        int smallest = 0;
        for (int index = 1; index < sizes.length; index++) {
          smallest = sizes[index] < sizes[smallest] ? index : smallest;
        }
        shares.get(smallest).add(partition);
        sizes[smallest] += ends.get(partition) - starts.get(partition);
      }
      return shares;
    }
  }

  private static long readAll(KafkaSettings kafka, List<TopicPartition> partitions) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(kafka)) {
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long records = 0;
      long bytes = 0;
      while (!reachedEnd(consumer, ends)) {
        ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
        for (ConsumerRecord<byte[], byte[]> record : batch) {
          bytes += record.value().length;
          records++;
        }
      }
      if (bytes <= 0 && records > 0) {
        throw new IllegalStateException("read " + records + " empty records");
      }
      return records;
    }
  }

  private static boolean reachedEnd(
      KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> ends) {
    for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
      if (consumer.position(end.getKey()) < end.getValue()) {
        return false;
      }
    }
    return true;
  }

  private static KafkaConsumer<byte[], byte[]> consumer(KafkaSettings kafka) {
    Map<String, Object> properties =
        kafka.clientProperties(
            Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                10_000,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
                FETCH_BYTES_PER_PARTITION));
    return new KafkaConsumer<>(properties);
  }
}
