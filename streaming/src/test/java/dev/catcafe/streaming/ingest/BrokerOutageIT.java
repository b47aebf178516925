package dev.catcafe.streaming.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.jobs.Restart;
import dev.catcafe.model.jobs.SparkJob;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.SparkSessions;
import dev.catcafe.spark.testing.TestingCatalogs;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * The broker dies (SIGKILL) for at least a minute while events keep coming and the ingestion runs
 * behind the local supervisor ({@code bin/supervise}, with the job catalog's restart policy), as
 * {@code make run} runs it. Without a human, the ingestion runs all its queries again within two
 * minutes of the broker's return, and the lake holds every record Kafka holds (those produced after
 * the return included) exactly once, by (partition, offset). On a platform of its own: the shared
 * one's broker stays up.
 */
final class BrokerOutageIT {
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
  private static final Duration OUTAGE = Duration.ofSeconds(60);
  private static final Duration BACK_WITHIN = Duration.ofMinutes(2);
  private static final Duration PATIENCE = Duration.ofMinutes(6);

  /** Records a second, over all topics, while the broker is up. */
  private static final int RATE = 100;

  @Test
  void aBrokerDeadForAMinuteLosesAndDoublesNothingAndTheIngestionComesBackByItself()
      throws Exception {
    try (TestingPlatform platform = TestingPlatform.startPrivate("broker-outage")) {
      KafkaSettings kafka = platform.isolatedKafka("outage-" + RUN + "-");
      CatalogSettings catalog = TestingCatalogs.jdbc(platform, "it_outage_" + RUN);
      Path scratch = platform.scratchDirectory("broker-outage");
      Path log = scratch.resolve("ingestion.log");
      Path state = scratch.resolve("raw-ingestion.state");
      Process supervisor = superviseIngestion(platform, kafka, catalog, scratch, log, state);
      try (EventSource events = new EventSource(kafka);
          SparkSession spark =
              SparkSessions.create(
                  RawIngestionJob.sessionSettings("outage-it-reader", catalog, "local[1]")
                      .ui(false)
                      .conf("spark.sql.catalog." + catalog.name() + ".cache-enabled", "false")
                      .build())) {
        events.start();
        Polling.await(
            PATIENCE,
            "the ingestion to ingest the first events (log %s)".formatted(log),
            () -> LakeRecords.rows(spark, catalog) > 0);

        long logAtKill = Files.size(log);
        platform.killKafka();
        Polling.await(
            OUTAGE.plusMinutes(1),
            "the producer to find the broker down for " + OUTAGE,
            () -> events.failingFor().compareTo(OUTAGE) >= 0);
        platform.startKafka();

        // The ingestion may have failed (its Kafka reads time out after a minute) and been
        // restarted by the supervisor; either way all seven queries run again, unaided.
        Polling.await(
            BACK_WITHIN,
            "the ingestion to run all its queries again (log %s, state %s)".formatted(log, state),
            () -> runsAgain(log, logAtKill, state));

        events.close();
        Map<Topic, List<Long>> inKafka = offsetsInKafka(kafka);
        long total = inKafka.values().stream().mapToLong(List::size).sum();
        assertThat(total).isGreaterThanOrEqualTo(events.acknowledged());
        Polling.await(
            PATIENCE,
            "the ingestion to ingest all %d records Kafka holds (log %s)".formatted(total, log),
            () -> LakeRecords.rows(spark, catalog) >= total);
        for (Topic topic : Topic.values()) {
          assertThat(LakeRecords.offsets(spark, topic.rawTable().qualifiedName(catalog)))
              .as("%s: every offset Kafka holds, exactly once (log %s)", topic, log)
              .containsExactlyElementsOf(inKafka.get(topic));
          assertThat(inKafka.get(topic))
              .as("%s: every acknowledged record is in Kafka", topic)
              .containsAll(events.acknowledgedOffsets(topic));
        }
      } finally {
        supervisor.toHandle().destroy();
        assertThat(supervisor.waitFor(2, TimeUnit.MINUTES)).isTrue();
      }
      assertThat(Files.readString(state))
          .as("stopped by SIGTERM, not given up (log %s)", log)
          .startsWith("state=stopped");
      System.out.printf(
          "BrokerOutageIT: supervisor state at the end: %s%n", Files.readString(state).strip());
    }
  }

  /**
   * Whether the supervised ingestion runs: the supervisor says so, and since the last restart after
   * {@code logOffset} (if any) all seven queries have started.
   */
  private static boolean runsAgain(Path log, long logOffset, Path state) {
    String sinceKill;
    try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
      if (!Files.readString(state).startsWith("state=running")) {
        return false;
      }
      file.seek(logOffset);
      byte[] bytes = new byte[(int) (file.length() - logOffset)];
      file.readFully(bytes);
      sinceKill = new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int restart = sinceKill.lastIndexOf("[supervise ");
    if (restart < 0) {
      return true;
    }
    String sinceRestart = sinceKill.substring(restart);
    return Pattern.compile("query raw-ingestion-\\w+ started \\(id")
            .matcher(sinceRestart)
            .results()
            .count()
        == Topic.values().length;
  }

  /** The ingestion behind bin/supervise with the catalog's restart policy and stop grace. */
  private static Process superviseIngestion(
      TestingPlatform platform,
      KafkaSettings kafka,
      CatalogSettings catalog,
      Path scratch,
      Path log,
      Path state)
      throws Exception {
    SparkJob job = SparkJob.RAW_INGESTION;
    Restart restart = job.restart();
    Path root = TestingPlatform.projectRoot();
    List<String> command =
        new ArrayList<>(
            List.of(
                root.resolve("bin/supervise").toString(),
                job.jobName(),
                state.toString(),
                restart.policy().name(),
                Integer.toString(restart.maxAttempts()),
                Long.toString(restart.backoff().toSeconds()),
                Long.toString(restart.counterReset().toSeconds()),
                Long.toString(job.stopGrace().toSeconds()),
                "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + root.resolve("etc/spark-jvm.args"),
                "-Xmx768m",
                "-cp",
                System.getProperty("java.class.path"),
                RawIngestionJob.class.getName(),
                "--checkpoint-root",
                scratch.resolve("checkpoints").toUri().toString(),
                "--trigger-interval",
                "2s",
                "--spark-master",
                "local[2]",
                "--no-spark-ui"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(platform.environment(kafka, platform.postgres(), catalog));
    return builder.start();
  }

  /** Every offset each topic holds, read back with a consumer: what was produced. */
  private static Map<Topic, List<Long>> offsetsInKafka(KafkaSettings kafka) {
    Map<Topic, List<Long>> offsets = new EnumMap<>(Topic.class);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new StringDeserializer())) {
      for (Topic topic : Topic.values()) {
        TopicPartition partition = new TopicPartition(kafka.topicName(topic), 0);
        consumer.assign(List.of(partition));
        consumer.seekToBeginning(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        List<Long> read = new ArrayList<>();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (consumer.position(partition) < end) {
          assertThat(System.nanoTime()).as("reading %s", partition).isLessThan(deadline);
          for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
            read.add(record.offset());
          }
        }
        offsets.put(topic, read);
      }
    }
    return offsets;
  }

  /**
   * Events into every topic at {@link #RATE} a second from a thread of its own, counting what the
   * broker acknowledged and since when sends fail.
   */
  private static final class EventSource implements AutoCloseable {
    private final KafkaSettings kafka;
    private final KafkaProducer<String, String> producer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failingSince = new AtomicLong();
    private final Map<Topic, TreeSet<Long>> acknowledgedOffsets = new EnumMap<>(Topic.class);
    private final Thread thread = new Thread(this::produce, "outage-it-events");

    EventSource(KafkaSettings kafka) {
      this.kafka = kafka;
      this.producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                  ProducerConfig.ACKS_CONFIG, "all",
                  ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                  ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000,
                  ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                  ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 5000,
                  ProducerConfig.LINGER_MS_CONFIG, 5),
              new StringSerializer(),
              new StringSerializer());
      for (Topic topic : Topic.values()) {
        acknowledgedOffsets.put(topic, new TreeSet<>());
      }
    }

    void start() {
      thread.start();
    }

    private void produce() {
      int index = 0;
      long pace = TimeUnit.SECONDS.toNanos(1) * Topic.values().length / RATE;
      while (running.get()) {
        for (Topic topic : Topic.values()) {
          String value = KnownEvents.jsonRange(topic, index, index + 1).get(0);
          try {
            producer.send(
                new ProducerRecord<>(kafka.topicName(topic), value),
                (metadata, failure) -> {
                  if (failure == null) {
                    acknowledged.incrementAndGet();
                    failingSince.set(0);
                    synchronized (acknowledgedOffsets) {
                      acknowledgedOffsets.get(topic).add(metadata.offset());
                    }
                  } else {
                    failingSince.compareAndSet(0, System.nanoTime());
                  }
                });
          } catch (RuntimeException failure) {
            // The broker is gone: metadata unavailable within max.block.ms.
            failingSince.compareAndSet(0, System.nanoTime());
          }
        }
        index++;
        // The source's pace, not a test wait.
        LockSupport.parkNanos(pace);
      }
    }

    /** How long sends have been failing without an acknowledgement since; zero while they pass. */
    Duration failingFor() {
      long since = failingSince.get();
      return since == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - since);
    }

    long acknowledged() {
      return acknowledged.get();
    }

    List<Long> acknowledgedOffsets(Topic topic) {
      synchronized (acknowledgedOffsets) {
        return List.copyOf(acknowledgedOffsets.get(topic));
      }
    }

    @Override
    public void close() throws InterruptedException {
      if (running.getAndSet(false)) {
        thread.join();
        producer.close(Duration.ofSeconds(30));
      }
    }
  }
}
