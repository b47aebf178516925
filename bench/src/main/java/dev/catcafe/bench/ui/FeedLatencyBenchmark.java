package dev.catcafe.bench.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catcafe.alertui.AlertUiApp;
import dev.catcafe.alertui.AlertUiConfig;
import dev.catcafe.alertui.FeedClient;
import dev.catcafe.bench.BenchTopics;
import dev.catcafe.bench.BenchmarkCommand;
import dev.catcafe.bench.BenchmarkMachine;
import dev.catcafe.bench.CafeDatabase;
import dev.catcafe.bench.Percentiles;
import dev.catcafe.model.EventTimes;
import dev.catcafe.model.Topic;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.cli.KafkaOptions;
import dev.catcafe.model.cli.PostgresOptions;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.model.event.CafeEvent;
import dev.catcafe.model.event.CatHealthAlert;
import dev.catcafe.model.event.PotentialAdopterAlert;
import java.io.IOException;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Kafka-to-page latency of feed cards: produces health and adopter alerts at a fixed rate into
 * fresh topics, runs the alert UI in this JVM, and times each alert from just before {@code send}
 * to the arrival of its WebSocket frame at a client (the page's side of the socket). One clock
 * ({@link System#nanoTime()}) measures both ends.
 *
 * <p>Needs the local platform (Kafka and PostgreSQL): {@code bin/run bench
 * dev.catcafe.bench.ui.FeedLatencyBenchmark [--rate 5] [--seconds 60]}.
 */
@Command(
    name = "feed-latency-benchmark",
    description = "Measures Kafka-to-browser latency of alert cards (p50/p99).")
public final class FeedLatencyBenchmark implements Callable<Integer> {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final List<Topic> ALERT_TOPICS =
      List.of(Topic.CAT_HEALTH_ALERTS, Topic.POTENTIAL_ADOPTERS);

  @Mixin private BenchmarkCommand command;
  @Mixin private KafkaOptions kafkaOptions;
  @Mixin private PostgresOptions postgresOptions;

  @Option(names = "--rate", defaultValue = "5", description = "Alerts per second.")
  private double rate;

  @Option(names = "--seconds", defaultValue = "60", description = "Measured duration.")
  private int seconds;

  @Option(
      names = "--warmup-seconds",
      defaultValue = "5",
      description = "Alerts sent before measuring, not counted.")
  private int warmupSeconds;

  public static void main(String[] args) {
    Commands.run(new FeedLatencyBenchmark(), args);
  }

  @Override
  public Integer call() throws Exception {
    measure(kafkaOptions.settings(), postgresOptions.settings());
    return 0;
  }

  /** Runs with explicit endpoints, for a harness that owns its own platform. */
  public static void measure(
      KafkaSettings kafka, PostgresSettings postgres, double rate, int seconds, int warmupSeconds)
      throws Exception {
    FeedLatencyBenchmark benchmark = new FeedLatencyBenchmark();
    benchmark.rate = rate;
    benchmark.seconds = seconds;
    benchmark.warmupSeconds = warmupSeconds;
    benchmark.measure(kafka, postgres);
  }

  private void measure(KafkaSettings base, PostgresSettings postgres) throws Exception {
    if (!(rate > 0 && rate <= 1_000) || seconds < 1 || warmupSeconds < 0) {
      throw new IllegalArgumentException("--rate must be in (0, 1000], --seconds >= 1");
    }
    String runId = "bench-ui-%d".formatted(System.currentTimeMillis());
    KafkaSettings kafka = base.withTopicPrefix(base.topicPrefix() + runId + "-");
    List<String> catIds;
    List<String> visitorIds;
    try (Connection cafe = CafeDatabase.open(postgres)) {
      catIds = existingIds(cafe, "SELECT cat_id FROM cats LIMIT 200", "cat");
      visitorIds = existingIds(cafe, "SELECT visitor_id FROM visitors LIMIT 200", "visitor");
    }
    BenchTopics.create(kafka, ALERT_TOPICS, 1);
    try {
      run(kafka, postgres, runId, catIds, visitorIds);
    } finally {
      BenchTopics.delete(kafka, ALERT_TOPICS);
    }
  }

  private void run(
      KafkaSettings kafka,
      PostgresSettings postgres,
      String runId,
      List<String> catIds,
      List<String> visitorIds)
      throws Exception {
    AlertUiConfig config =
        AlertUiConfig.defaults(kafka, postgres)
            .withPort(0)
            .withAdoptionShare(0.0)
            .withConsumerGroup(runId, "earliest");
    Map<String, Long> sentNanos = new ConcurrentHashMap<>();
    Map<String, Long> latencyNanos = new ConcurrentHashMap<>();
    try (AlertUiApp app = AlertUiApp.start(config, new Random(1));
        KafkaProducer<String, String> producer = producer(kafka)) {
      await(Duration.ofSeconds(60), app::consumerAssigned);
      URI feed = URI.create("ws://127.0.0.1:%d/ws".formatted(app.port()));
      try (FeedClient client =
          FeedClient.connect(
              feed,
              (text, receivedNanos) -> {
                String alertId = alertId(text);
                Long sent = alertId == null ? null : sentNanos.get(alertId);
                if (sent != null) {
                  latencyNanos.putIfAbsent(alertId, receivedNanos - sent);
                }
              })) {
        int warmup = (int) Math.round(rate * warmupSeconds);
        int measured = (int) Math.round(rate * seconds);
        List<String> measuredIds = new ArrayList<>(measured);
        produceAtRate(
            producer,
            kafka,
            runId,
            warmup + measured,
            catIds,
            visitorIds,
            sentNanos,
            measuredIds,
            warmup);
        int sentMeasured = measuredIds.size();
        await(
            Duration.ofSeconds(15), () -> measuredIds.stream().allMatch(latencyNanos::containsKey));
        long[] latencies =
            measuredIds.stream()
                .map(latencyNanos::get)
                .filter(value -> value != null)
                .mapToLong(Long::longValue)
                .sorted()
                .toArray();
        report(sentMeasured, latencies, catIds.size(), visitorIds.size());
        client
            .closeStatus()
            .ifPresent(status -> System.out.println("  socket closed early: " + status));
      }
    }
  }

  private void produceAtRate(
      KafkaProducer<String, String> producer,
      KafkaSettings kafka,
      String runId,
      int total,
      List<String> catIds,
      List<String> visitorIds,
      Map<String, Long> sentNanos,
      List<String> measuredIds,
      int warmup)
      throws InterruptedException {
    Random random = new Random(7);
    AtomicInteger sequence = new AtomicInteger();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    long periodNanos = (long) (1_000_000_000L / rate);
    scheduler.scheduleAtFixedRate(
        () -> {
          int index = sequence.getAndIncrement();
          if (index >= total) {
            return;
          }
          String alertId = "%s-%d".formatted(runId, index);
          CafeEvent alert =
              index % 2 == 0
                  ? healthAlert(alertId, catIds.get(random.nextInt(catIds.size())))
                  : adopterAlert(
                      alertId, visitorIds.get(random.nextInt(visitorIds.size())), catIds);
          String json = json(alert);
          if (index >= warmup) {
            synchronized (measuredIds) {
              measuredIds.add(alertId);
            }
          }
          sentNanos.put(alertId, System.nanoTime());
          producer.send(new ProducerRecord<>(kafka.topicName(alert.topic()), alert.key(), json));
        },
        0,
        periodNanos,
        TimeUnit.NANOSECONDS);
    await(Duration.ofSeconds((long) (total / rate) + 30), () -> sequence.get() >= total);
    scheduler.shutdownNow();
    scheduler.awaitTermination(5, TimeUnit.SECONDS);
    producer.flush();
  }

  private static KafkaProducer<String, String> producer(KafkaSettings kafka) {
    return new KafkaProducer<>(
        kafka.clientProperties(
            Map.of(ProducerConfig.LINGER_MS_CONFIG, "0", ProducerConfig.ACKS_CONFIG, "all")),
        new StringSerializer(),
        new StringSerializer());
  }

  private static CatHealthAlert healthAlert(String alertId, String catId) {
    double hours = 4.01 + (Math.abs(alertId.hashCode()) % 300) / 100.0;
    return new CatHealthAlert(
        EventTimes.format(Instant.now()),
        catId,
        "DEHYDRATION",
        hours,
        4.0,
        "Health Alert for %s: Hours since last drink (%s) exceeds threshold (4.0)."
            .formatted(catId, hours),
        alertId);
  }

  private static PotentialAdopterAlert adopterAlert(
      String alertId, String visitorId, List<String> catIds) {
    List<String> liked = catIds.subList(0, Math.min(4, catIds.size()));
    return PotentialAdopterAlert.of(visitorId, EventTimes.format(Instant.now()), liked, alertId);
  }

  private static String json(CafeEvent event) {
    try {
      return MAPPER.writeValueAsString(event);
    } catch (IOException failure) {
      throw new IllegalStateException(failure);
    }
  }

  private static String alertId(String frame) {
    try {
      JsonNode id = MAPPER.readTree(frame).path("data").path("alert_id");
      return id.isTextual() ? id.asText() : null;
    } catch (IOException notJson) {
      return null;
    }
  }

  /** Real ids where the cafe has data, so name lookups hit PostgreSQL and the cache as in use. */
  private static List<String> existingIds(Connection cafe, String sql, String kind)
      throws SQLException {
    List<String> ids = new ArrayList<>(CafeDatabase.ids(cafe, sql));
    if (ids.isEmpty()) {
      for (int i = 0; i < 20; i++) {
        ids.add("bench-%s-%d".formatted(kind, i));
      }
    }
    return ids;
  }

  private void report(int sent, long[] latencies, int cats, int visitors) {
    System.out.printf(
        Locale.ROOT,
        "feed latency (Kafka send -> WebSocket frame), %.1f alerts/s for %d s after %d s warm-up%n",
        rate,
        seconds,
        warmupSeconds);
    System.out.printf(
        Locale.ROOT,
        "  alerts measured: %d sent, %d received (ids from the database: %d cats, %d visitors)%n",
        sent,
        latencies.length,
        cats,
        visitors);
    if (latencies.length > 0) {
      System.out.printf(
          Locale.ROOT,
          "  p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  max %.1f ms  mean %.1f ms%n",
          millis(Percentiles.nearestRank(latencies, 50)),
          millis(Percentiles.nearestRank(latencies, 90)),
          millis(Percentiles.nearestRank(latencies, 99)),
          millis(latencies[latencies.length - 1]),
          millis((long) Arrays.stream(latencies).average().orElse(0)));
    }
    System.out.println("  " + BenchmarkMachine.describe());
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }

  private static void await(Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }
}
