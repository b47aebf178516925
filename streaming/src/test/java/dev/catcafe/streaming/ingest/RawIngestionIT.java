package dev.catcafe.streaming.ingest;

import static dev.catcafe.model.config.CatalogType.JDBC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.KafkaPrincipal;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.TrinoSettings;
import dev.catcafe.model.config.TrinoUser;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingKafka;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.RawTables;
import dev.catcafe.spark.SparkSessions;
import dev.catcafe.spark.testing.LakeAssertions;
import dev.catcafe.spark.testing.TestingCatalogs;
import dev.catcafe.spark.testing.TestingCatalogs.Lake;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known events of every topic, malformed ones among them, through the real ingestion into each
 * catalog type and storage ({@link TestingCatalogs#lakes}): every valid event lands once with its
 * exact typed values, every malformed one lands in ingest_errors with its reason, every table's
 * files are where the storage says (objects in the bucket on S3), a second run resumes where the
 * first stopped, and (JDBC, the catalog Trino shares) Trino reads the tables the ingestion created.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.catcafe.spark.testing.TestingCatalogs#lakes")
@ExtendWith(LocalPlatformExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class RawIngestionIT {
  /** Unique per run, so a rerun on a platform that outlived the last run sees none of its data. */
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

  private static final int EVENTS_PER_TOPIC = 25;
  private static final int MORE_EVENTS_PER_TOPIC = 5;
  // A Trino restart, start-up included, on a loaded 2-core machine.
  private static final Duration TRINO_RESTART = Duration.ofMinutes(4);

  private static SparkSession spark;
  private static CatalogSettings catalog;
  private static KafkaSettings kafka;
  private static String checkpoints;

  @Parameter Lake lake;

  @BeforeParameterizedClassInvocation
  static void ingestKnownEvents(Lake lake) throws Exception {
    TestingPlatform platform = TestingPlatform.shared();
    String run = RUN + "-" + lake.type().wireName() + "-" + lake.storage().wireName();
    kafka = platform.isolatedKafka("ing-exact-" + run + "-");
    catalog = TestingCatalogs.onPlatform(lake, platform, "it_ingest_exact_" + RUN);
    checkpoints = platform.scratchDirectory("ingest-exact").toUri().toString();
    for (Topic topic : Topic.values()) {
      TestingKafka.produce(kafka, topic, KnownEvents.jsonRange(topic, 0, EVENTS_PER_TOPIC));
    }
    String wellness = KnownEvents.json(KnownEvents.values(Topic.CAT_WELLNESS, 1000));
    TestingKafka.produce(
        kafka,
        Topic.CAT_WELLNESS,
        List.of(
            "{\"event_time\": oops",
            wellness.replace("\"heart_rate\":80", "\"heart_rate\":\"fast\""),
            wellness.replaceAll("\"cat_id\":\"[^\"]*\",", ""),
            wellness.replace("}", ",\"firmware\":\"2.1\"}")));

    spark =
        SparkSessions.create(
            RawIngestionJob.sessionSettings("raw-ingestion-it", catalog, "local[2]")
                .ui(false)
                .conf("spark.sql.catalog." + catalog.name() + ".cache-enabled", "false")
                .build());
    runAvailableNow();
  }

  @AfterParameterizedClassInvocation
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
      spark = null;
    }
  }

  /** The job as it runs: its own Kafka principal, which may only read the topics. */
  private static void runAvailableNow() throws Exception {
    IngestionConfig config =
        new IngestionConfig(
            TestingPlatform.shared().kafka(kafka, KafkaPrincipal.RAW_INGESTION),
            catalog,
            EnumSet.allOf(Topic.class),
            checkpoints,
            Duration.ofSeconds(1),
            10,
            0,
            true,
            true);
    List<StreamingQuery> queries = RawIngestionJob.start(spark, config);
    for (StreamingQuery query : queries) {
      query.awaitTermination();
      assertThat(query.exception().isDefined()).as("query %s failed", query.name()).isFalse();
    }
  }

  @Test
  @Order(1)
  void everyValidEventLandsOnceWithItsTypedValues() {
    for (Topic topic : Topic.values()) {
      List<Row> rows =
          spark
              .table(topic.rawTable().qualifiedName(catalog))
              .orderBy(RawTables.KAFKA_OFFSET)
              .collectAsList();
      List<String> expected = new ArrayList<>();
      for (int index = 0; index < EVENTS_PER_TOPIC; index++) {
        expected.add(KnownEvents.render(KnownEvents.values(topic, index)));
      }
      if (topic == Topic.CAT_WELLNESS) {
        // The record with an unknown extra field is ingested; its extra field is dropped.
        expected.add(KnownEvents.render(KnownEvents.values(topic, 1000)));
      }
      assertThat(rows.stream().map(row -> KnownEvents.render(topic, row)).toList())
          .as(topic.rawTable().tableName())
          .containsExactlyElementsOf(expected);
      List<Long> offsets =
          rows.stream().map(row -> row.<Long>getAs(RawTables.KAFKA_OFFSET)).toList();
      List<Long> expectedOffsets = new ArrayList<>();
      for (long offset = 0; offset < EVENTS_PER_TOPIC; offset++) {
        expectedOffsets.add(offset);
      }
      if (topic == Topic.CAT_WELLNESS) {
        expectedOffsets.add((long) EVENTS_PER_TOPIC + 3);
      }
      assertThat(offsets)
          .as(topic.rawTable().tableName())
          .containsExactlyElementsOf(expectedOffsets);
      assertThat(rows)
          .allSatisfy(
              row -> {
                assertThat(row.<Integer>getAs(RawTables.KAFKA_PARTITION)).isZero();
                assertThat(row.<java.sql.Timestamp>getAs(RawTables.KAFKA_TIMESTAMP).toInstant())
                    .isAfter(Instant.now().minus(Duration.ofHours(1)));
                assertThat(row.<java.sql.Timestamp>getAs(RawTables.INGESTED_AT)).isNotNull();
              });
    }
  }

  /** On the object store every table's files are objects in the bucket, none on local disk. */
  @Test
  @Order(1)
  void everyTableIsWhereTheStorageSays(TestingPlatform platform) throws Exception {
    for (Topic topic : Topic.values()) {
      LakeAssertions.assertFilesWhereTheStorageSays(
          spark, platform, catalog, topic.rawTable().qualifiedName(catalog));
    }
    LakeAssertions.assertFilesWhereTheStorageSays(
        spark, platform, catalog, LakeTable.INGEST_ERRORS.qualifiedName(catalog));
  }

  @Test
  @Order(2)
  void malformedRecordsLandInIngestErrorsWithTheirReason() {
    Map<Long, String> reasons =
        spark.table(LakeTable.INGEST_ERRORS.qualifiedName(catalog)).collectAsList().stream()
            .collect(
                Collectors.toMap(
                    row -> row.<Long>getAs(IngestErrors.KAFKA_OFFSET),
                    row ->
                        row.<String>getAs(IngestErrors.TOPIC)
                            + ": "
                            + row.<String>getAs(IngestErrors.REASON)));
    String topic = kafka.topicName(Topic.CAT_WELLNESS);
    assertThat(reasons)
        .containsOnly(
            Map.entry((long) EVENTS_PER_TOPIC, topic + ": not a JSON object"),
            Map.entry(
                (long) EVENTS_PER_TOPIC + 1,
                topic + ": field heart_rate: expected a JSON int, got fast"),
            Map.entry((long) EVENTS_PER_TOPIC + 2, topic + ": missing required field cat_id"));
    Row notJson =
        spark
            .table(LakeTable.INGEST_ERRORS.qualifiedName(catalog))
            .filter("kafka_offset = " + EVENTS_PER_TOPIC)
            .collectAsList()
            .get(0);
    assertThat(notJson.<String>getAs(IngestErrors.RAW_VALUE)).isEqualTo("{\"event_time\": oops");
  }

  // Last: it adds events the other tests do not expect.
  @Test
  @Order(4)
  void aRestartResumesWhereTheLastRunStopped() throws Exception {
    TestingKafka.produce(
        kafka,
        Topic.CAT_LOCATIONS,
        KnownEvents.jsonRange(
            Topic.CAT_LOCATIONS, EVENTS_PER_TOPIC, EVENTS_PER_TOPIC + MORE_EVENTS_PER_TOPIC));

    runAvailableNow();

    List<Long> offsets =
        spark
            .table(Topic.CAT_LOCATIONS.rawTable().qualifiedName(catalog))
            .orderBy(RawTables.KAFKA_OFFSET)
            .collectAsList()
            .stream()
            .map(row -> row.<Long>getAs(RawTables.KAFKA_OFFSET))
            .toList();
    List<Long> expected = new ArrayList<>();
    for (long offset = 0; offset < EVENTS_PER_TOPIC + MORE_EVENTS_PER_TOPIC; offset++) {
      expected.add(offset);
    }
    assertThat(offsets).containsExactlyElementsOf(expected);
    assertThat(spark.table(Topic.CAT_WELLNESS.rawTable().qualifiedName(catalog)).count())
        .isEqualTo(EVENTS_PER_TOPIC + 1);
  }

  @Test
  @Order(3)
  void trinoReadsTheRawTables(TestingPlatform platform) throws Exception {
    assumeThat(lake.type()).as("Trino reads the lake through the JDBC catalog").isEqualTo(JDBC);
    TrinoSettings analyst = platform.trino(TrinoUser.ANALYST);
    // `make test` runs TrinoViewsIT beside this suite, and it restarts the shared Trino: a query
    // refused or cut by a restart is asked again; a wrong answer fails at once.
    Polling.await(
        TRINO_RESTART,
        "Trino to answer the raw-table queries",
        () -> {
          try {
            assertTrinoReadsTheRawTables(analyst);
            return true;
          } catch (SQLException e) {
            System.out.println("RawIngestionIT: Trino did not answer, asking again: " + e);
            return false;
          }
        });
  }

  private static void assertTrinoReadsTheRawTables(TrinoSettings analyst) throws SQLException {
    try (Connection connection =
            analyst.withJdbcUrl(analyst.jdbcUrl() + "/iceberg/" + catalog.namespace()).connect();
        Statement statement = connection.createStatement()) {
      for (Topic topic :
          EnumSet.of(Topic.CAT_WELLNESS, Topic.CAFE_ORDERS, Topic.POTENTIAL_ADOPTERS)) {
        try (ResultSet result =
            statement.executeQuery(
                "SELECT count(*), count(DISTINCT kafka_offset) FROM "
                    + topic.rawTable().tableName()
                    + " WHERE kafka_offset < "
                    + EVENTS_PER_TOPIC)) {
          assertThat(result.next()).isTrue();
          assertThat(result.getLong(1)).as(topic.name()).isEqualTo(EVENTS_PER_TOPIC);
          assertThat(result.getLong(2)).isEqualTo(EVENTS_PER_TOPIC);
        }
      }
      try (ResultSet result =
          statement.executeQuery(
              "SELECT heart_rate, activity_level, to_iso8601(event_time AT TIME ZONE 'UTC')"
                  + " FROM cat_wellness_raw WHERE kafka_offset = 7")) {
        assertThat(result.next()).isTrue();
        Map<String, Object> expected = KnownEvents.values(Topic.CAT_WELLNESS, 7);
        assertThat(result.getInt(1)).isEqualTo(expected.get("heart_rate"));
        assertThat(result.getDouble(2)).isEqualTo(expected.get("activity_level"));
        assertThat(Instant.parse(result.getString(3).replace("+00:00", "Z")))
            .isEqualTo(expected.get("event_time"));
      }
      try (ResultSet result =
          statement.executeQuery(
              "SELECT total_amount, cardinality(items), items[2].quantity FROM cafe_orders_raw WHERE kafka_offset = 4")) {
        assertThat(result.next()).isTrue();
        assertThat(result.getBigDecimal(1)).isEqualByComparingTo("4.35");
        assertThat(result.getInt(2)).isEqualTo(2);
        assertThat(result.getInt(3)).isEqualTo(4 % 3 + 1);
      }
    }
  }
}
