package dev.catcafe.simulator.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catcafe.model.CafeLocation;
import dev.catcafe.model.EventTimes;
import dev.catcafe.model.InteractionType;
import dev.catcafe.model.MenuItem;
import dev.catcafe.model.Topic;
import dev.catcafe.model.WireName;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.MetricsScrape;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.simulator.Databases;
import dev.catcafe.simulator.ProduceEvents;
import dev.catcafe.simulator.SeedProfiles.Seeding;
import dev.catcafe.simulator.it.TopicRecords.Read;
import dev.catcafe.simulator.producer.EventProduction;
import dev.catcafe.simulator.producer.KafkaEventSink;
import dev.catcafe.simulator.producer.KafkaTuning;
import dev.catcafe.simulator.producer.PostgresRoster;
import dev.catcafe.simulator.producer.ProductionConfig;
import dev.catcafe.simulator.profile.ProfileCounts;
import dev.catcafe.simulator.simulation.SimulationRules;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalPlatformExtension.class)
final class ProduceEventsIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration RUN_TIMEOUT = Duration.ofSeconds(120);
  private static final Pattern PRODUCED = Pattern.compile("Produced (\\d+) events");
  private static final Pattern METRICS_ENDPOINT =
      Pattern.compile("serves Prometheus metrics on (http://\\S+/metrics)");

  /** For runs on made-up cats and visitors: no database is needed, and none is reachable here. */
  private static final PostgresSettings NOWHERE =
      new PostgresSettings("jdbc:postgresql://127.0.0.1:1/none", "x", "");

  @Test
  void productionYieldsValidJsonOfEveryEventTypeOnItsTopic(TestingPlatform platform)
      throws Exception {
    PostgresSettings postgres =
        seededDatabase(platform, "sim_produce_json", new ProfileCounts(50, 40, 30));
    KafkaSettings kafka = platform.isolatedKafka(RunNames.topicPrefix("sim-json-"));
    Set<String> availableCats = availableCatIds(postgres);
    Set<String> visitors = ids(postgres, "SELECT visitor_id FROM visitors");

    SimulatorProcess producer =
        produceEvents(kafka, postgres, "--burst --max-events 10000 --seed 3");
    assertThat(producer.await(RUN_TIMEOUT)).as(producer.stderr()).isZero();
    assertThat(producer.stdout()).contains("Produced 10000 events");

    List<Read> records = TopicRecords.readAll(kafka, ProduceEvents.PRODUCED_TOPICS, READ_TIMEOUT);
    assertThat(records).hasSize(10_000);
    assertThat(records.stream().map(Read::topic).collect(Collectors.toSet()))
        .containsExactlyInAnyOrderElementsOf(ProduceEvents.PRODUCED_TOPICS);
    for (Read record : records) {
      JsonNode json = MAPPER.readTree(record.value());
      List<String> keys = new ArrayList<>();
      json.fieldNames().forEachRemaining(keys::add);
      assertThat(keys)
          .as(record.value())
          .containsExactlyElementsOf(record.topic().schema().fieldNames());
      assertThat(record.key()).isEqualTo(json.get(record.topic().keyField()).asText());
      assertThat(EventTimes.parse(json.get("event_time").asText()))
          .isBetween(Instant.now().minus(Duration.ofMinutes(10)), Instant.now());
      if (json.has("cat_id")) {
        assertThat(availableCats).contains(json.get("cat_id").asText());
      }
      if (json.has("visitor_id")) {
        assertThat(visitors).contains(json.get("visitor_id").asText());
      }
      checkValues(record.topic(), json);
    }
  }

  @Test
  void adoptingACatInPostgresSilencesItAfterTheNextRefresh(TestingPlatform platform)
      throws Exception {
    PostgresSettings postgres =
        seededDatabase(platform, "sim_produce_adopt", new ProfileCounts(10, 12, 20));
    KafkaSettings kafka = platform.isolatedKafka(RunNames.topicPrefix("sim-adopt-"));
    String adopted = availableCatIds(postgres).iterator().next();
    ProductionConfig config =
        new ProductionConfig(
            20,
            false,
            Optional.of(Duration.ofSeconds(60)),
            0,
            OptionalInt.empty(),
            OptionalInt.empty(),
            Duration.ofMillis(500),
            Duration.ofSeconds(5),
            5,
            SimulationRules.ORIGINAL);
    Instant adoptedAt;
    Instant refreshedAt;
    try (PostgresRoster roster =
            new PostgresRoster(Optional.of(postgres), Optional.empty(), Optional.empty());
        KafkaEventSink sink =
            KafkaEventSink.open(kafka, KafkaTuning.DEFAULT, ProduceEvents.PRODUCED_TOPICS)) {
      EventProduction production =
          new EventProduction(config, roster, sink, Clock.systemUTC(), kafka::topicName);
      CompletableFuture<Void> running =
          CompletableFuture.runAsync(
              () -> {
                try {
                  production.run();
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      Polling.await(Duration.ofSeconds(30), "a few ticks", () -> production.refreshes() >= 2);
      try (Connection connection = Databases.connect(postgres);
          PreparedStatement adopt =
              connection.prepareStatement(
                  "UPDATE cats SET status = 'adopted', adopted_date = now() WHERE cat_id = ?")) {
        adopt.setString(1, adopted);
        assertThat(adopt.executeUpdate()).isOne();
      }
      adoptedAt = Instant.now();
      Polling.await(
          Duration.ofSeconds(30),
          "a refresh that began after the adoption",
          () -> production.lastRefreshStartedAt().isAfter(adoptedAt));
      refreshedAt = production.lastRefreshStartedAt();
      long refreshes = production.refreshes();
      Polling.await(
          Duration.ofSeconds(30),
          "two more refreshes",
          () -> production.refreshes() >= refreshes + 2);
      production.stop();
      running.get(30, TimeUnit.SECONDS);
      sink.flush();
    }

    List<Read> wellness = TopicRecords.readAll(kafka, List.of(Topic.CAT_WELLNESS), READ_TIMEOUT);
    List<Instant> adoptedCatReadings = new ArrayList<>();
    List<Instant> otherReadingsAfterRefresh = new ArrayList<>();
    for (Read record : wellness) {
      Instant time = EventTimes.parse(MAPPER.readTree(record.value()).get("event_time").asText());
      if (record.key().equals(adopted)) {
        adoptedCatReadings.add(time);
      } else if (!time.isBefore(refreshedAt)) {
        otherReadingsAfterRefresh.add(time);
      }
    }
    assertThat(adoptedCatReadings).as("readings while available").isNotEmpty();
    assertThat(adoptedCatReadings)
        .as("no reading once a refresh saw the adoption")
        .allSatisfy(time -> assertThat(time).isBefore(refreshedAt));
    assertThat(otherReadingsAfterRefresh).as("the other 11 cats carry on").hasSizeGreaterThan(11);
  }

  @Test
  void aRaisedAnomalyRateYieldsStressAndDehydrationReadings(TestingPlatform platform)
      throws Exception {
    KafkaSettings kafka = platform.isolatedKafka(RunNames.topicPrefix("sim-anomaly-"));
    SimulatorProcess producer =
        produceEvents(
            kafka,
            NOWHERE,
            "--burst --max-events 5000 --cats 40 --visitors 10 --anomaly-rate 0.2 --seed 4");
    assertThat(producer.await(RUN_TIMEOUT)).as(producer.stderr()).isZero();

    List<JsonNode> readings = new ArrayList<>();
    for (Read record : TopicRecords.readAll(kafka, List.of(Topic.CAT_WELLNESS), READ_TIMEOUT)) {
      readings.add(MAPPER.readTree(record.value()));
    }
    assertThat(readings).hasSizeGreaterThan(3_000);
    assertThat(readings)
        .filteredOn(reading -> reading.get("activity_level").asDouble() < 0.1)
        .as("stress anomalies below the 0.1 threshold")
        .hasSizeGreaterThan(10);
    assertThat(readings)
        .filteredOn(reading -> reading.get("hours_since_last_drink").asDouble() > 4.0)
        .as("dehydration anomalies above the 4.0 threshold")
        .hasSizeGreaterThan(10);
  }

  @Test
  void sigtermStopsTheProducerAfterFlushingEverythingItProduced(TestingPlatform platform)
      throws Exception {
    KafkaSettings kafka = platform.isolatedKafka(RunNames.topicPrefix("sim-term-"));
    SimulatorProcess producer =
        produceEvents(kafka, NOWHERE, "--speed 50 --cats 30 --visitors 20 --stats-interval 1s");
    Polling.await(
        Duration.ofSeconds(60),
        "the producer logging its rate",
        () -> producer.stderr().contains("events/s"));
    // What Prometheus scrapes: the events the broker acknowledged, per topic.
    Matcher endpoint = METRICS_ENDPOINT.matcher(producer.stderr());
    assertThat(endpoint.find()).as(producer.stderr()).isTrue();
    URI metrics = URI.create(endpoint.group(1));
    String wellness =
        "catcafe_simulator_events_produced_total{topic=\"%s\"}"
            .formatted(kafka.topicName(Topic.CAT_WELLNESS));
    Polling.await(
        Duration.ofSeconds(30),
        "acknowledged wellness events on " + metrics,
        () -> MetricsScrape.sample(MetricsScrape.scrape(metrics), wellness).orElse(0) > 0);
    producer.terminate();
    assertThat(producer.await(Duration.ofSeconds(60)))
        .as("a clean stop's exit status, not 143: %s", producer.stderr())
        .isZero();

    Matcher produced = PRODUCED.matcher(producer.stdout());
    assertThat(produced.find()).as(producer.stdout() + producer.stderr()).isTrue();
    long count = Long.parseLong(produced.group(1));
    assertThat(count).isPositive();
    assertThat(TopicRecords.readAll(kafka, ProduceEvents.PRODUCED_TOPICS, READ_TIMEOUT))
        .hasSize((int) count);
  }

  @Test
  void anUnreachableBrokerOrMissingTopicsFailWithAClearMessage(TestingPlatform platform) {
    SimulatorProcess deadBroker =
        produceEvents(
            new KafkaSettings("127.0.0.1:1"), NOWHERE, "--cats 5 --visitors 5 --kafka-timeout 3s");
    assertThat(deadBroker.await(RUN_TIMEOUT)).isEqualTo(1);
    assertThat(deadBroker.stderr())
        .contains("Producing failed: Kafka at 127.0.0.1:1")
        .doesNotContain("\tat ");

    KafkaSettings noTopics =
        platform.kafka().withTopicPrefix(RunNames.topicPrefix("sim-never-created-"));
    SimulatorProcess missing =
        produceEvents(noTopics, NOWHERE, "--cats 5 --visitors 5 --kafka-timeout 10s");
    assertThat(missing.await(RUN_TIMEOUT)).isEqualTo(1);
    assertThat(missing.stderr()).contains("Producing failed: a topic is missing");

    KafkaSettings kafka = platform.isolatedKafka(RunNames.topicPrefix("sim-nodb-"));
    SimulatorProcess noDatabase = produceEvents(kafka, NOWHERE, "--max-events 10");
    assertThat(noDatabase.await(RUN_TIMEOUT)).isEqualTo(1);
    assertThat(noDatabase.stderr())
        .contains("Producing failed, cannot read cats and visitors: cannot connect to PostgreSQL");
  }

  /**
   * Runs {@link ProduceEvents} in its own JVM with {@code options}, a space-separated line, its
   * metrics on a free port (a make run on the same machine holds the catalog's).
   */
  private static SimulatorProcess produceEvents(
      KafkaSettings kafka, PostgresSettings postgres, String options) {
    return SimulatorProcess.start(
        ProduceEvents.class,
        SimulatorProcess.environment(kafka, postgres),
        (options + " --metrics-port 0").split(" "));
  }

  private static void checkValues(Topic topic, JsonNode json) {
    switch (topic) {
      case CAT_WELLNESS -> {
        assertThat(json.get("activity_level").isNumber()).isTrue();
        assertThat(json.get("activity_level").asDouble()).isBetween(0.01, 10.0);
        assertThat(json.get("heart_rate").isInt()).isTrue();
        assertThat(json.get("heart_rate").asInt()).isBetween(80, 120);
        assertThat(json.get("hours_since_last_drink").asDouble()).isBetween(0.5, 6.0);
      }
      case CAT_LOCATIONS ->
          assertThat(wireNames(CafeLocation.values())).contains(json.get("location").asText());
      case CAT_INTERACTIONS ->
          assertThat(wireNames(InteractionType.values()))
              .contains(json.get("interaction_type").asText());
      case CAFE_ORDERS -> {
        assertThat(json.get("order_id").asText()).matches("[0-9a-f-]{36}");
        JsonNode items = json.get("items");
        assertThat(items.isArray()).isTrue();
        assertThat(items.size()).isBetween(1, 8);
        for (JsonNode item : items) {
          List<String> fields = new ArrayList<>();
          item.fieldNames().forEachRemaining(fields::add);
          assertThat(fields).containsExactly("name", "quantity");
          assertThat(wireNames(MenuItem.values())).contains(item.get("name").asText());
          assertThat(item.get("quantity").asInt()).isBetween(1, 2);
        }
        assertThat(json.get("total_amount").asDouble()).isBetween(3.0, 16.0 * 8);
      }
      case VISITOR_CHECKINS -> assertThat(json.size()).isEqualTo(2);
      case CAT_HEALTH_ALERTS, POTENTIAL_ADOPTERS ->
          throw new AssertionError("the simulator does not write " + topic);
    }
  }

  private static Set<String> wireNames(WireName[] values) {
    return Arrays.stream(values).map(WireName::wireName).collect(Collectors.toSet());
  }

  /** This run's database named after {@code base}, seeded with {@code counts} profiles. */
  private static PostgresSettings seededDatabase(
      TestingPlatform platform, String base, ProfileCounts counts) throws SQLException {
    PostgresSettings postgres = platform.isolatedPostgres(RunNames.database(base));
    new Seeding(postgres, 1, true, counts, LocalDateTime.of(2025, 10, 28, 8, 0)).writeProfiles();
    return postgres;
  }

  private static Set<String> availableCatIds(PostgresSettings postgres) throws SQLException {
    return ids(postgres, "SELECT cat_id FROM cats WHERE status = 'available'");
  }

  private static Set<String> ids(PostgresSettings postgres, String query) throws SQLException {
    Set<String> ids = new HashSet<>();
    try (Connection connection = Databases.connect(postgres);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }
}
