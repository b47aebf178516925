package dev.catcafe.alertui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catcafe.model.EventTimes;
import dev.catcafe.model.OperationalSchema;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.model.event.CafeEvent;
import dev.catcafe.model.event.CatHealthAlert;
import dev.catcafe.model.event.PotentialAdopterAlert;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Cafe rows, alerts and HTTP calls for the alert UI's integration tests. */
final class TestingCafe {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private TestingCafe() {}

  /** The UI's defaults on a free port, reading its topics from the start as its own group. */
  static AlertUiConfig config(
      KafkaSettings kafka, PostgresSettings postgres, String consumerGroup) {
    return AlertUiConfig.defaults(kafka, postgres)
        .withPort(0)
        .withConsumerGroup(consumerGroup, "earliest");
  }

  /**
   * Starts the UI and waits until its consumer holds its partitions, so no alert sent afterwards is
   * missed.
   */
  static AlertUiApp startAssigned(AlertUiConfig config, long seed) {
    AlertUiApp app = AlertUiApp.start(config, new Random(seed));
    Polling.await(Duration.ofSeconds(60), "consumer assignment", app::consumerAssigned);
    return app;
  }

  /**
   * Starts the UI with the staff Adopt button on {@code staffToken} (or off, if disabled) and no
   * adoptions of its own (share 0), so only a staff request changes a cat.
   */
  static AlertUiApp startForStaff(
      KafkaSettings kafka, PostgresSettings postgres, String consumerGroup, StaffToken staffToken) {
    return AlertUiApp.start(
        config(kafka, postgres, consumerGroup).withAdoptionShare(0.0).withStaffToken(staffToken),
        new Random(1));
  }

  /** A new client of the UI's live feed, sending no Origin header. */
  static FeedClient feed(AlertUiApp app) {
    return FeedClient.connect(feedUri(app.port()), Optional.empty());
  }

  /** The test's own database on {@code platform}, with the operational tables created, empty. */
  static PostgresSettings emptyCafe(TestingPlatform platform, String database) {
    PostgresSettings postgres = platform.isolatedPostgres(database);
    OperationalSchema.ddl().forEach(ddl -> execute(postgres, ddl));
    execute(
        postgres,
        "TRUNCATE %s, %s, %s"
            .formatted(
                OperationalSchema.CATS_TABLE,
                OperationalSchema.VISITORS_TABLE,
                OperationalSchema.ADOPTION_DECISIONS_TABLE));
    return postgres;
  }

  static void insertCat(
      PostgresSettings postgres,
      String catId,
      String name,
      String coatColor,
      String coatLength,
      Integer ageMonths,
      String status,
      LocalDate admitted) {
    execute(
        postgres,
        "INSERT INTO cats (cat_id, name, coat_color, coat_length, age, archetype, status,"
            + " admitted_date, adopted_date, last_checkup_time)"
            + " VALUES (?, ?, ?, ?, ?, 'sleepy_senior', ?, ?, ?, ?)",
        catId,
        name,
        coatColor,
        coatLength,
        ageMonths,
        status,
        Timestamp.valueOf(admitted.atStartOfDay()),
        status.equals("adopted") ? Timestamp.valueOf(admitted.plusDays(3).atStartOfDay()) : null,
        Timestamp.valueOf(admitted.atTime(10, 30, 15)));
  }

  /** An available cat named {@code "Cat <catId>"}, for tests that tell cats apart by id alone. */
  static void insertAvailableCat(
      PostgresSettings postgres,
      String catId,
      String coatColor,
      String coatLength,
      int ageMonths,
      LocalDate admitted) {
    insertCat(
        postgres, catId, "Cat " + catId, coatColor, coatLength, ageMonths, "available", admitted);
  }

  static void insertVisitor(PostgresSettings postgres, String visitorId, String name) {
    execute(
        postgres,
        "INSERT INTO visitors (visitor_id, name, archetype, first_visit_date)"
            + " VALUES (?, ?, 'potential_adopter', DATE '2025-10-01')",
        visitorId,
        name);
  }

  /** The cat's status and whether it has an adoption date. */
  static Optional<String> catStatus(PostgresSettings postgres, String catId) {
    try (Connection connection = connect(postgres);
        PreparedStatement select =
            connection.prepareStatement(
                "SELECT status || CASE WHEN adopted_date IS NULL THEN '' ELSE '+dated' END"
                    + " FROM cats WHERE cat_id = ?")) {
      select.setString(1, catId);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }

  /** The ledger's rows for {@code alertId}: {@code decision/cat_id/status/attempts} each. */
  static List<String> decisions(PostgresSettings postgres, String alertId) {
    return strings(
        postgres,
        "SELECT decision || '/' || coalesce(cat_id, '-') || '/' || status || '/' || attempts"
            + " FROM adoption_decisions WHERE alert_id = ?",
        alertId);
  }

  /** The recorded reason of the decision for {@code alertId}, if any. */
  static Optional<String> decisionReason(PostgresSettings postgres, String alertId) {
    return strings(postgres, "SELECT reason FROM adoption_decisions WHERE alert_id = ?", alertId)
        .stream()
        .filter(Objects::nonNull)
        .findFirst();
  }

  /** The first column of every row {@code sql} returns with {@code parameter} bound. */
  private static List<String> strings(PostgresSettings postgres, String sql, String parameter) {
    try (Connection connection = connect(postgres);
        PreparedStatement select = connection.prepareStatement(sql)) {
      select.setString(1, parameter);
      List<String> values = new ArrayList<>();
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }

  static CatHealthAlert dehydration(String alertId, String catId) {
    return new CatHealthAlert(
        EventTimes.format(Instant.now()),
        catId,
        "DEHYDRATION",
        4.56,
        4.0,
        "Health Alert for %s: Hours since last drink (4.56) exceeds threshold (4.0)."
            .formatted(catId),
        alertId);
  }

  static PotentialAdopterAlert adopter(String alertId, String visitorId, List<String> likedCats) {
    return PotentialAdopterAlert.of(
        visitorId, EventTimes.format(Instant.now()), likedCats, alertId);
  }

  static KafkaProducer<String, String> producer(KafkaSettings kafka) {
    return new KafkaProducer<>(
        kafka.clientProperties(Map.of(ProducerConfig.ACKS_CONFIG, "all")),
        new StringSerializer(),
        new StringSerializer());
  }

  /** Writes the alert as the alert jobs do: JSON of the model record, keyed like the original. */
  static void send(KafkaProducer<String, String> producer, KafkaSettings kafka, CafeEvent alert) {
    try {
      sendRaw(
          producer, kafka.topicName(alert.topic()), alert.key(), MAPPER.writeValueAsString(alert));
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  static void sendRaw(
      KafkaProducer<String, String> producer, String topic, String key, String value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException failure) {
      throw new IllegalStateException("could not produce to " + topic, failure);
    }
  }

  static HttpResponse<String> get(int port, String pathAndQuery) {
    return call(HttpRequest.newBuilder(uri(port, pathAndQuery)).GET().build());
  }

  static HttpResponse<String> post(int port, String path, Optional<String> staffToken) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(port, path)).POST(HttpRequest.BodyPublishers.noBody());
    staffToken.ifPresent(token -> request.header(StaffToken.HEADER, token));
    return call(request.build());
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  /**
   * The {@code cat_status_update} frames {@code client} has received for cats {@code catId}
   * accepts.
   */
  static List<JsonNode> statusUpdates(FeedClient client, Predicate<String> catId) {
    return client.texts().stream()
        .map(TestingCafe::json)
        .filter(message -> message.get("type").asText().equals("cat_status_update"))
        .filter(message -> catId.test(message.get("data").get("cat_id").asText()))
        .toList();
  }

  static URI feedUri(int port) {
    return URI.create("ws://127.0.0.1:%d/ws".formatted(port));
  }

  private static URI uri(int port, String pathAndQuery) {
    return URI.create("http://127.0.0.1:%d%s".formatted(port, pathAndQuery));
  }

  private static HttpResponse<String> call(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  /** Runs {@code sql} with {@code parameters} bound to its placeholders in order. */
  static void execute(PostgresSettings postgres, String sql, Object... parameters) {
    try (Connection connection = connect(postgres);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.execute();
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }

  private static Connection connect(PostgresSettings postgres) throws SQLException {
    return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
  }
}
