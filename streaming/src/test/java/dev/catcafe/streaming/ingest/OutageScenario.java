package dev.catcafe.streaming.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.jobs.SparkJob;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.TestingCatalogs;
import dev.catcafe.streaming.lifecycle.SupervisedJob;
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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.sql.SparkSession;

/**
 * The outage tests' one scenario, on a platform of the test's own (the shared one's services stay
 * up): events flow into the seven topics at {@link #RATE} a second from a test producer (whose
 * acknowledgements the test checks) and into the simulator's five at ten times its default rate
 * from the real simulator behind the supervisor, the ingestion runs behind the local supervisor
 * ({@code bin/supervise}, with the job catalog's restart policy and stop grace) as {@code make run}
 * runs it; once it has ingested the first events, the test's outage strikes; then, without a human,
 * all seven queries run again within two minutes, and the lake holds every record Kafka holds
 * exactly once, by (partition, offset). With alert jobs, they run behind the supervisor too (from
 * the earliest offsets), come back by themselves, and in the end have sent every alert their rules
 * owe for what Kafka holds: each health alert, and each visitor's last adopter alert, none lost,
 * and a repeated id only ever with the same content. Every supervisor is stopped by SIGTERM at the
 * end and must report a graceful stop, the job's last exit a clean one.
 */
final class OutageScenario {
  /** How soon after the outage the ingestion must run all its queries again. */
  static final Duration BACK_WITHIN = Duration.ofMinutes(2);

  private static final Duration PATIENCE = Duration.ofMinutes(6);

  /** Records a second, over all topics, while the broker is up. */
  static final int RATE = 100;

  private OutageScenario() {}

  /** What a test does to the platform once the ingestion runs; returns when the outage is over. */
  @FunctionalInterface
  interface Outage {
    void strike(TestingPlatform platform, EventSource events) throws Exception;
  }

  /**
   * Runs the scenario with {@code outage}, the ingestion and {@code alertJobs} (the Wellness
   * Guardian and the Adopter Detective, or none); prints the supervisors' final state lines.
   */
  static void run(String name, List<SparkJob> alertJobs, Outage outage) throws Exception {
    String run = Long.toString(System.currentTimeMillis(), 36);
    try (TestingPlatform platform = TestingPlatform.startPrivate(name)) {
      KafkaSettings kafka = platform.isolatedKafka(name + "-" + run + "-");
      CatalogSettings catalog = TestingCatalogs.jdbc(platform, "it_outage_" + run);
      Path scratch = platform.scratchDirectory(name);
      Path log = scratch.resolve("ingestion.log");
      Path state = scratch.resolve("raw-ingestion.state");
      Process supervisor =
          SupervisedJob.start(
              SparkJob.RAW_INGESTION,
              platform.environment(kafka, platform.postgres(), catalog),
              log,
              state,
              List.of(
                  "--checkpoint-root",
                  scratch.resolve("checkpoints").toUri().toString(),
                  "--trigger-interval",
                  "2s",
                  "--spark-master",
                  "local[2]",
                  "--no-spark-ui"));
      Map<SparkJob, Path> alertStates = new EnumMap<>(SparkJob.class);
      List<Process> alertSupervisors = new ArrayList<>();
      for (SparkJob job : alertJobs) {
        Path jobState = scratch.resolve(job.jobName() + ".state");
        alertStates.put(job, jobState);
        alertSupervisors.add(
            SupervisedJob.start(
                job,
                platform.environment(kafka, platform.postgres(), catalog),
                scratch.resolve(job.jobName() + ".log"),
                jobState,
                List.of(
                    "--checkpoint-location",
                    scratch.resolve("checkpoints").resolve(job.jobName()).toString(),
                    "--starting-offsets",
                    "earliest")));
      }
      // The real simulator at ten times its default rate, from the installed layout behind the
      // supervisor, as make run starts it (made-up profiles: the private platform has no cafe).
      Path simulatorState = scratch.resolve("event-producer.state");
      Process simulator =
          SupervisedJob.startInstalled(
              JvmApp.SIMULATOR_PRODUCER,
              platform.environment(kafka, platform.postgres(), catalog),
              scratch.resolve("simulator.log"),
              simulatorState,
              List.of("--speed", "10", "--cats", "20", "--visitors", "40", "--metrics-port", "0"));
      try (EventSource events = new EventSource(kafka, RATE);
          SparkSession spark = LakeRecords.readerSession(name + "-reader", catalog)) {
        events.start();
        Polling.await(
            PATIENCE,
            "the ingestion to ingest the first events (log %s)".formatted(log),
            () -> LakeRecords.rows(spark, catalog) > 0);

        long logAtOutage = Files.size(log);
        outage.strike(platform, events);

        // The ingestion may have failed and been restarted by the supervisor; either way all
        // seven queries run again, unaided.
        Polling.await(
            BACK_WITHIN,
            "the ingestion to run all its queries again (log %s, state %s)".formatted(log, state),
            () -> runsAgain(log, logAtOutage, state));
        Polling.await(
            BACK_WITHIN,
            "the simulator to run again (state %s)".formatted(simulatorState),
            () -> readState(simulatorState).startsWith("state=running"));

        for (Map.Entry<SparkJob, Path> alertState : alertStates.entrySet()) {
          Polling.await(
              BACK_WITHIN,
              "%s to run again (state %s)".formatted(alertState.getKey(), alertState.getValue()),
              () -> readState(alertState.getValue()).startsWith("state=running"));
        }

        events.close();
        stop(simulator);
        if (!alertJobs.isEmpty()) {
          // The alert jobs write to topics the ingestion reads: once they have sent all they owe
          // they are stopped, so Kafka's ends no longer move while the lake is compared with them.
          assertAlertsOwedWereSent(new AlertOutcomes(spark, kafka), alertJobs, scratch);
          for (Process alertSupervisor : alertSupervisors) {
            stop(alertSupervisor);
          }
        }
        Map<Topic, List<Long>> inKafka = offsetsInKafka(kafka);
        long total = inKafka.values().stream().mapToLong(List::size).sum();
        assertThat(total)
            .as("the test producer's acknowledged records and the simulator's")
            .isGreaterThan(events.acknowledged());
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
        stop(simulator);
        for (Process alertSupervisor : alertSupervisors) {
          stop(alertSupervisor);
        }
        supervisor.toHandle().destroy();
        assertThat(supervisor.waitFor(2, TimeUnit.MINUTES)).isTrue();
      }
      String finalState = Files.readString(state).strip();
      assertThat(finalState)
          .as("stopped by SIGTERM, not given up (log %s)", log)
          .startsWith("state=stopped")
          .contains("last_exit=0");
      System.out.printf("%s: supervisor state at the end: %s%n", name, finalState);
      for (Map.Entry<SparkJob, Path> alertState : alertStates.entrySet()) {
        String alertFinalState = Files.readString(alertState.getValue()).strip();
        assertThat(alertFinalState)
            .as("%s stopped by SIGTERM, not given up", alertState.getKey())
            .startsWith("state=stopped")
            .contains("last_exit=0");
        System.out.printf("%s: %s at the end: %s%n", name, alertState.getKey(), alertFinalState);
      }
    }
  }

  /**
   * Waits until the alert jobs have sent every alert owed for what Kafka holds, then checks that
   * the Guardian sent no other (its alerts are a function of each reading alone).
   */
  private static void assertAlertsOwedWereSent(
      AlertOutcomes outcomes, List<SparkJob> alertJobs, Path scratch) {
    if (alertJobs.contains(SparkJob.WELLNESS_GUARDIAN)) {
      Set<String> owed = outcomes.healthAlertsOwed();
      assertThat(owed).as("readings over a threshold").isNotEmpty();
      Polling.await(
          PATIENCE,
          "the Guardian to send all %d health alerts owed (log %s)"
              .formatted(
                  owed.size(), scratch.resolve(SparkJob.WELLNESS_GUARDIAN.jobName() + ".log")),
          () -> outcomes.healthAlertsSent().containsAll(owed));
      assertThat(outcomes.healthAlertsSent()).as("health alerts sent").isEqualTo(owed);
    }
    if (alertJobs.contains(SparkJob.ADOPTER_DETECTIVE)) {
      Set<String> owed = outcomes.lastAdopterAlertsOwed();
      assertThat(owed).as("visitors over the threshold").isNotEmpty();
      Polling.await(
          PATIENCE,
          "the Detective to send each of %d visitors' last alert (log %s)"
              .formatted(
                  owed.size(), scratch.resolve(SparkJob.ADOPTER_DETECTIVE.jobName() + ".log")),
          () -> outcomes.adopterAlertsSent().containsAll(owed));
    }
  }

  private static void stop(Process supervisor) throws InterruptedException {
    supervisor.toHandle().destroy();
    if (!supervisor.waitFor(2, TimeUnit.MINUTES)) {
      supervisor.toHandle().destroyForcibly();
    }
  }

  private static String readState(Path state) {
    try {
      return Files.exists(state) ? Files.readString(state) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  /** Every offset each topic holds, read back with a consumer: what was produced. */
  private static Map<Topic, List<Long>> offsetsInKafka(KafkaSettings kafka) {
    Map<Topic, List<Long>> offsets = new EnumMap<>(Topic.class);
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            kafka.clientProperties(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)),
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
}
