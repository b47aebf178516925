package dev.catcafe.trino;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.OperationalSchema;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.spark.DataQualityResults;
import dev.catcafe.spark.testing.TestingRawEvents;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.types.StructType;

/**
 * Cafe data for the view tests, generated from a seed: cats and visitors in PostgreSQL (ids unique
 * to the run, since the shared cafe database is shared by every test), and raw interactions,
 * orders, health alerts and summary rows written through Spark into lake tables of the pipeline's
 * layout. Some lake rows name a cat or visitor PostgreSQL does not know, as in real life.
 */
final class TestingCafeData {
  static final String SUMMARY_COLUMNS =
      "day DATE, cat_id STRING, name STRING, avg_activity_level DOUBLE,"
          + " max_hours_since_drink DOUBLE, total_interaction_count BIGINT, like_count BIGINT";

  private static final List<String> COLOURS = List.of("tabby", "calico", "black", "orange");
  private static final List<String> CAT_ARCHETYPES =
      List.of("social_kitten", "sleepy_senior", "shy", "standard");
  private static final List<String> PERSONAS =
      List.of("potential_adopter", "casual_visitor", "family", "cat_lover");
  private static final List<String> INTERACTIONS = List.of("pet", "play", "feed", "photo", "like");

  record Cat(
      String catId, String name, String coatColor, int age, String archetype, String status) {}

  record Visitor(String visitorId, String name, String archetype) {}

  final List<Cat> cats = new ArrayList<>();
  final List<Visitor> visitors = new ArrayList<>();
  final List<LocalDate> days;
  private final Random random;
  private final String prefix;

  TestingCafeData(String prefix, long seed, List<LocalDate> days) {
    this.prefix = requireNonNull(prefix, "prefix is null");
    this.random = new Random(seed);
    this.days = List.copyOf(days);
    for (int i = 0; i < 8; i++) {
      cats.add(
          new Cat(
              prefix + "cat-" + i,
              "Cat" + (i % 3), // shared names, as in the real roster
              COLOURS.get(random.nextInt(COLOURS.size())),
              random.nextInt(200),
              CAT_ARCHETYPES.get(random.nextInt(CAT_ARCHETYPES.size())),
              i < 6 ? "available" : "adopted"));
    }
    for (int i = 0; i < 5; i++) {
      visitors.add(
          new Visitor(
              prefix + "visitor-" + i,
              "Visitor " + i,
              PERSONAS.get(random.nextInt(PERSONAS.size()))));
    }
  }

  /** A cat id the lake mentions but PostgreSQL does not know. */
  String unknownCat() {
    return prefix + "cat-unknown";
  }

  void writeOperational(PostgresSettings postgres) throws SQLException {
    try (Connection connection =
        DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password())) {
      OperationalSchema.createTables(connection);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO cats (cat_id, name, coat_color, coat_length, age, archetype, status,"
                  + " admitted_date) VALUES (?, ?, ?, 'short', ?, ?, ?, TIMESTAMP '2026-01-01'"
                  + " ) ON CONFLICT (cat_id) DO NOTHING")) {
        for (Cat cat : cats) {
          insert.setString(1, cat.catId());
          insert.setString(2, cat.name());
          insert.setString(3, cat.coatColor());
          insert.setInt(4, cat.age());
          insert.setString(5, cat.archetype());
          insert.setString(6, cat.status());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO visitors VALUES (?, ?, ?, TIMESTAMP '2026-01-01')"
                  + " ON CONFLICT (visitor_id) DO NOTHING")) {
        for (Visitor visitor : visitors) {
          insert.setString(1, visitor.visitorId());
          insert.setString(2, visitor.name());
          insert.setString(3, visitor.archetype());
          insert.addBatch();
        }
        insert.executeBatch();
      }
    }
  }

  void writeLake(SparkSession spark, CatalogSettings catalog) {
    List<String> catIds = new ArrayList<>(cats.stream().map(Cat::catId).toList());
    catIds.add(unknownCat());
    List<Row> interactions = new ArrayList<>();
    List<Row> orders = new ArrayList<>();
    List<Row> alerts = new ArrayList<>();
    List<Row> summary = new ArrayList<>();
    for (LocalDate day : days) {
      Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
      for (int i = 0; i < 40; i++) {
        interactions.add(
            RowFactory.create(
                at(start),
                pick(visitors).visitorId(),
                pick(catIds),
                INTERACTIONS.get(random.nextInt(INTERACTIONS.size()))));
      }
      for (int i = 0; i < 12; i++) {
        String visitor =
            i == 0 ? prefix + "visitor-unknown" : pick(visitors).visitorId(); // one unknown
        orders.add(
            RowFactory.create(
                at(start),
                "%sorder-%s-%d".formatted(prefix, day, i),
                visitor,
                List.of(RowFactory.create("latte", 1)),
                BigDecimal.valueOf(300 + random.nextInt(2500), 2)));
      }
      for (int i = 0; i < 5; i++) {
        boolean dehydration = random.nextInt(4) > 0;
        double value = dehydration ? 4.5 : 0.05;
        String cat = pick(catIds);
        alerts.add(
            RowFactory.create(
                at(start),
                cat,
                dehydration ? "DEHYDRATION" : "STRESS",
                value,
                dehydration ? 4.0 : 0.1,
                "Health Alert for " + cat,
                "%salert-%s-%d".formatted(prefix, day, i)));
      }
      for (String cat : catIds) {
        if (random.nextInt(5) > 0) {
          long total = random.nextInt(30);
          summary.add(
              RowFactory.create(
                  Date.valueOf(day),
                  cat,
                  null,
                  Math.round(random.nextDouble() * 1000) / 100.0,
                  3.9,
                  total,
                  total == 0 ? 0L : (long) random.nextInt((int) total + 1)));
        }
      }
    }
    spark.sql("CREATE NAMESPACE IF NOT EXISTS " + catalog.qualifiedNamespace());
    // A fresh data set: the namespace may hold a previous run's tables when the platform outlived
    // it.
    for (LakeTable table :
        List.of(
            LakeTable.CAT_INTERACTIONS_RAW,
            LakeTable.CAFE_ORDERS_RAW,
            LakeTable.CAT_HEALTH_ALERTS_RAW,
            LakeTable.DAILY_CAT_SUMMARY,
            LakeTable.DATA_QUALITY_RESULTS)) {
      spark.sql("DROP TABLE IF EXISTS %s PURGE".formatted(table.qualifiedName(catalog)));
    }
    // What the ingestion would have left: lineage columns, ingested now.
    Instant now = Instant.now();
    TestingRawEvents.append(spark, catalog, Topic.CAT_INTERACTIONS, interactions, 0, now);
    TestingRawEvents.append(spark, catalog, Topic.CAFE_ORDERS, orders, 0, now);
    TestingRawEvents.append(spark, catalog, Topic.CAT_HEALTH_ALERTS, alerts, 0, now);
    String summaryTable = LakeTable.DAILY_CAT_SUMMARY.qualifiedName(catalog);
    spark.sql(
        "CREATE TABLE IF NOT EXISTS %s (%s) USING iceberg PARTITIONED BY (day)"
            .formatted(summaryTable, SUMMARY_COLUMNS));
    append(spark, summaryTable, summary, StructType.fromDDL(SUMMARY_COLUMNS));
    writeQualityResults(spark, catalog);
  }

  /**
   * Two data-quality runs: an older one where everything failed, and the latest, with one failed
   * check (and one that measured nothing): the view shows the latest only.
   */
  private void writeQualityResults(SparkSession spark, CatalogSettings catalog) {
    String table = LakeTable.DATA_QUALITY_RESULTS.qualifiedName(catalog);
    spark.sql(
        "CREATE TABLE IF NOT EXISTS %s (%s) USING iceberg PARTITIONED BY (%s)"
            .formatted(
                table, DataQualityResults.COLUMNS_DDL, DataQualityResults.PARTITION_TRANSFORM));
    Instant latest = days.get(days.size() - 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    List<Row> rows = new ArrayList<>();
    for (String check : List.of("fresh", "not_null_keys", "cat_id_known")) {
      rows.add(qualityRow("run-old", latest.minusSeconds(3600), check, 5.0, false));
    }
    rows.add(qualityRow("run-latest", latest, "fresh", 12.0, true));
    rows.add(qualityRow("run-latest", latest, "not_null_keys", 0.0, true));
    rows.add(qualityRow("run-latest", latest, "cat_id_known", 3.0, false));
    rows.add(qualityRow("run-latest", latest, "kafka_offsets_unique", null, false));
    append(spark, table, rows, StructType.fromDDL(DataQualityResults.COLUMNS_DDL));
  }

  private static Row qualityRow(
      String runId, Instant runTime, String check, Double observed, boolean passed) {
    return RowFactory.create(
        runId,
        Timestamp.from(runTime),
        "cat_wellness_raw",
        check,
        observed,
        "0 rows",
        passed,
        passed ? "" : "e.g. " + runId);
  }

  private static void append(SparkSession spark, String table, List<Row> rows, StructType schema) {
    try {
      spark.createDataFrame(rows, schema).writeTo(table).append();
    } catch (NoSuchTableException e) {
      throw new IllegalStateException(table + " was just created", e);
    }
  }

  private Timestamp at(Instant dayStart) {
    return Timestamp.from(dayStart.plusMillis(random.nextInt(86_400_000)));
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
