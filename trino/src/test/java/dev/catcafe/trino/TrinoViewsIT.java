package dev.catcafe.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.model.config.TrinoUser;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.TestingCatalogs;
import dev.catcafe.spark.testing.TestingSessions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The analytics views on the real platform: data written through Spark (lake) and JDBC (the shared
 * cafe database), views created by {@link TrinoViews}, each view's rows compared with the same
 * question answered in plain Java from the lake rows (read by Spark) and the PostgreSQL rows (read
 * by JDBC).
 */
@ExtendWith(LocalPlatformExtension.class)
final class TrinoViewsIT {
  private static final String PREFIX =
      "it-views-" + UUID.randomUUID().toString().substring(0, 8) + "-";
  private static final Duration ERROR_DEADLINE = Duration.ofSeconds(90);

  private static SparkSession spark;
  private static CatalogSettings catalog;
  private static ViewSchemas schemas;
  private static Map<AnalyticsView, List<String>> expected;

  @BeforeAll
  static void writeDataAndCreateViews(TestingPlatform platform) throws SQLException {
    // Trino reads the lake through the JDBC catalog only.
    catalog = TestingCatalogs.jdbc(platform, "it_trino_views");
    schemas = ViewSchemas.forNamespace("iceberg", catalog.namespace());
    TestingCafeData data = cafeData(PREFIX);
    data.writeOperational(platform.postgres());
    spark = TestingSessions.create("trino-views-it", catalog);
    data.writeLake(spark, catalog);
    expected = expectations(platform.postgres(), spark, catalog, PREFIX);

    try (Connection trino = viewOwner(platform)) {
      assertThat(TrinoViews.createOrReplace(trino, schemas, quiet())).isEmpty();
      // Idempotent: a second run replaces every view without error.
      assertThat(TrinoViews.createOrReplace(trino, schemas, quiet())).isEmpty();
    }
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void everyViewEqualsAnIndependentComputationAndSurvivesATrinoRestart(TestingPlatform platform)
      throws SQLException {
    assertThat(expected.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());
    try (Connection trino = trino(platform)) {
      for (AnalyticsView view : AnalyticsView.values()) {
        assertThat(viewRows(trino, view)).as(view.viewName()).isEqualTo(expected.get(view));
      }
      assertThat(listedViews(trino)).containsAll(viewNames());
    }

    platform.restartTrino();

    try (Connection trino = trino(platform)) {
      for (AnalyticsView view : AnalyticsView.values()) {
        assertThat(viewRows(trino, view)).as(view.viewName()).isEqualTo(expected.get(view));
      }
    }
  }

  @Test
  void aTrinoRestartDuringAViewQueryFailsItWithAnErrorAndTheNextQueryAnswers(
      TestingPlatform platform) throws Exception {
    AnalyticsView view = AnalyticsView.values()[0];
    // A view query made long whatever the view holds: it also counts 10^10 generated rows (a
    // sequence holds at most 10 000), tagged to be found among the running queries.
    String longQuery =
        ("SELECT (SELECT count(*) FROM %s) /* restart-probe */, count(*)"
                + " FROM UNNEST(sequence(1, 10000)) AS a (x)"
                + " CROSS JOIN UNNEST(sequence(1, 10000)) AS b (y)"
                + " CROSS JOIN UNNEST(sequence(1, 100)) AS c (z) WHERE x * y + z > 0")
            .formatted(schemas.qualifiedView(view));
    try (Connection trino = trino(platform);
        Connection observer = trino(platform)) {
      CompletableFuture<String> running =
          CompletableFuture.supplyAsync(() -> errorAtTheEnd(trino, longQuery));
      Polling.await(
          ERROR_DEADLINE,
          "the view query to run",
          () -> runningQueries(observer, "restart-probe") > 0 || running.isDone());
      assertThat(running).as("the view query still runs when Trino restarts").isNotDone();

      platform.restartTrino();

      String error = running.get(ERROR_DEADLINE.toSeconds(), TimeUnit.SECONDS);
      assertThat(error).as("the client's error").isNotEqualTo("no error").isNotBlank();
      System.out.printf("TrinoViewsIT: a view query cut by the restart failed with: %s%n", error);
    }
    try (Connection trino = trino(platform)) {
      assertThat(viewRows(trino, view)).as("the next query answers").isEqualTo(expected.get(view));
    }
  }

  /** Runs {@code sql} to its last row (the driver returns a result set before the rows exist). */
  private static String errorAtTheEnd(Connection trino, String sql) {
    try (Statement statement = trino.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        // Read every row: the query ends with the last one.
      }
      return "no error";
    } catch (SQLException e) {
      return e.getMessage();
    }
  }

  private static long runningQueries(Connection trino, String tag) {
    try (Statement statement = trino.createStatement();
        ResultSet result =
            statement.executeQuery(
                ("SELECT count(*) FROM system.runtime.queries WHERE state = 'RUNNING'"
                        + " AND query LIKE '%%%s%%' AND query NOT LIKE '%%system.runtime%%'")
                    .formatted(tag))) {
      result.next();
      return result.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void missingTablesFailWithTrinosErrorNotAHang(TestingPlatform platform) throws Exception {
    CatalogSettings empty = TestingCatalogs.jdbc(platform, "it_trino_views_empty");
    ViewSchemas emptySchemas = ViewSchemas.forNamespace("iceberg", empty.namespace());
    try (Connection trino = viewOwner(platform)) {
      List<String> failures =
          CompletableFuture.supplyAsync(() -> createViews(trino, emptySchemas))
              .get(ERROR_DEADLINE.toSeconds(), TimeUnit.SECONDS);
      assertThat(failures)
          .hasSize(AnalyticsView.values().length)
          .allSatisfy(failure -> assertThat(failure).contains("does not exist"));

      String missing = "SELECT * FROM %s.no_such_table".formatted(schemas.lake());
      CompletableFuture<String> error =
          CompletableFuture.supplyAsync(() -> queryError(trino, missing));
      assertThat(error.get(ERROR_DEADLINE.toSeconds(), TimeUnit.SECONDS))
          .contains("no_such_table")
          .contains("does not exist");
    }
  }

  @Test
  void aViewWhoseTableWasDroppedFailsWithTrinosError(TestingPlatform platform) throws Exception {
    CatalogSettings dropped = TestingCatalogs.jdbc(platform, "it_trino_views_dropped");
    new TestingCafeData(PREFIX + "d-", 7L, List.of(LocalDate.parse("2026-11-05")))
        .writeLake(spark, dropped);
    ViewSchemas droppedSchemas = ViewSchemas.forNamespace("iceberg", dropped.namespace());
    try (Connection trino = viewOwner(platform)) {
      assertThat(TrinoViews.createOrReplace(trino, droppedSchemas, quiet())).isEmpty();
      spark.sql("DROP TABLE %s PURGE".formatted(LakeTable.CAFE_ORDERS_RAW.qualifiedName(dropped)));

      String query =
          "SELECT * FROM " + droppedSchemas.qualifiedView(AnalyticsView.DAILY_CAFE_REVENUE);
      CompletableFuture<String> error =
          CompletableFuture.supplyAsync(() -> queryError(trino, query));
      assertThat(error.get(ERROR_DEADLINE.toSeconds(), TimeUnit.SECONDS))
          .contains("cafe_orders_raw");
    }
    assertThatThrownBy(() -> spark.table(LakeTable.CAFE_ORDERS_RAW.qualifiedName(dropped)))
        .hasMessageContaining("cafe_orders_raw");
  }

  /**
   * Each view's rows, answered in Java from what Spark reads in the lake and JDBC in PostgreSQL.
   */
  /** Three days of the cafe, the same on every lake the views are tested over. */
  static TestingCafeData cafeData(String prefix) {
    return new TestingCafeData(
        prefix,
        476L,
        List.of(
            LocalDate.parse("2026-11-01"),
            LocalDate.parse("2026-11-02"),
            LocalDate.parse("2026-11-03")));
  }

  /** Every view's rows computed without Trino: from PostgreSQL and the lake's rows in Spark. */
  static Map<AnalyticsView, List<String>> expectations(
      PostgresSettings postgres, SparkSession spark, CatalogSettings catalog, String prefix)
      throws SQLException {
    Map<String, String[]> cats = new HashMap<>(); // cat_id -> name, coat, age, archetype, status
    Map<String, String> personas = new HashMap<>();
    try (Connection connection =
            DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
        PreparedStatement catQuery =
            connection.prepareStatement(
                "SELECT cat_id, name, coat_color, age, archetype, status FROM cats"
                    + " WHERE cat_id LIKE ?");
        PreparedStatement visitorQuery =
            connection.prepareStatement(
                "SELECT visitor_id, archetype FROM visitors WHERE visitor_id LIKE ?")) {
      catQuery.setString(1, prefix + "%");
      try (ResultSet rows = catQuery.executeQuery()) {
        while (rows.next()) {
          cats.put(
              rows.getString(1),
              new String[] {
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                rows.getString(6)
              });
        }
      }
      visitorQuery.setString(1, prefix + "%");
      try (ResultSet rows = visitorQuery.executeQuery()) {
        while (rows.next()) {
          personas.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    List<Row> summary = lake(spark, catalog, LakeTable.DAILY_CAT_SUMMARY);
    List<Row> interactions = lake(spark, catalog, LakeTable.CAT_INTERACTIONS_RAW);
    List<Row> orders = lake(spark, catalog, LakeTable.CAFE_ORDERS_RAW);
    List<Row> alerts = lake(spark, catalog, LakeTable.CAT_HEALTH_ALERTS_RAW);

    Map<AnalyticsView, List<String>> answers = new EnumMap<>(AnalyticsView.class);

    Map<String, long[]> likesByColour = new TreeMap<>();
    Map<String, Set<String>> catsByColour = new HashMap<>();
    for (Row row : summary) {
      String[] cat = cats.get(row.<String>getAs("cat_id"));
      if (cat != null) {
        likesByColour.computeIfAbsent(cat[1], c -> new long[1])[0] += row.<Long>getAs("like_count");
        catsByColour.computeIfAbsent(cat[1], c -> new HashSet<>()).add(row.getAs("cat_id"));
      }
    }
    answers.put(
        AnalyticsView.LIKES_BY_COAT_COLOUR,
        sorted(
            likesByColour.entrySet().stream()
                .map(e -> line(e.getKey(), e.getValue()[0], catsByColour.get(e.getKey()).size()))
                .toList()));

    Map<String, Long> likesByArchetype = new TreeMap<>();
    for (Row row : interactions) {
      String[] cat = cats.get(row.<String>getAs("cat_id"));
      if (cat != null && "like".equals(row.getAs("interaction_type"))) {
        likesByArchetype.merge(cat[3], 1L, Long::sum);
      }
    }
    answers.put(
        AnalyticsView.MOST_LIKED_CAT_ARCHETYPES,
        sorted(
            likesByArchetype.entrySet().stream()
                .map(e -> line(e.getKey(), e.getValue()))
                .toList()));

    Map<String, List<BigDecimal>> spendByPersona = new TreeMap<>();
    for (Row row : orders) {
      String persona = personas.get(row.<String>getAs("visitor_id"));
      if (persona != null) {
        spendByPersona
            .computeIfAbsent(persona, p -> new ArrayList<>())
            .add(row.getAs("total_amount"));
      }
    }
    answers.put(
        AnalyticsView.AVERAGE_SPEND_BY_VISITOR_PERSONA,
        sorted(
            spendByPersona.entrySet().stream()
                .map(
                    e ->
                        line(
                            e.getKey(),
                            e.getValue().stream()
                                .mapToDouble(BigDecimal::doubleValue)
                                .average()
                                .orElseThrow(),
                            (long) e.getValue().size()))
                .toList()));

    Map<String, double[]> popularity = new TreeMap<>(); // cat -> activity sum, days, interactions
    for (Row row : summary) {
      String[] cat = cats.get(row.<String>getAs("cat_id"));
      if (cat != null && cat[4].equals("available")) {
        double[] totals = popularity.computeIfAbsent(row.getAs("cat_id"), c -> new double[3]);
        totals[0] += row.<Double>getAs("avg_activity_level");
        totals[1] += 1;
        totals[2] += row.<Long>getAs("total_interaction_count");
      }
    }
    answers.put(
        AnalyticsView.CAT_POPULARITY_PROFILE,
        sorted(
            popularity.entrySet().stream()
                .map(
                    e -> {
                      String[] cat = cats.get(e.getKey());
                      double[] totals = e.getValue();
                      return line(
                          e.getKey(),
                          cat[0],
                          Integer.parseInt(cat[2]),
                          cat[3],
                          totals[0] / totals[1],
                          (long) totals[2]);
                    })
                .toList()));

    Map<LocalDate, List<Row>> ordersByDay = new TreeMap<>();
    for (Row row : orders) {
      ordersByDay.computeIfAbsent(utcDay(row.getAs("event_time")), d -> new ArrayList<>()).add(row);
    }
    answers.put(
        AnalyticsView.DAILY_CAFE_REVENUE,
        sorted(
            ordersByDay.entrySet().stream()
                .map(
                    e ->
                        line(
                            e.getKey(),
                            (long) e.getValue().size(),
                            e.getValue().stream()
                                .map(r -> r.<BigDecimal>getAs("total_amount"))
                                .reduce(BigDecimal.ZERO, BigDecimal::add),
                            (long)
                                e.getValue().stream()
                                    .map(r -> r.getAs("visitor_id"))
                                    .distinct()
                                    .count()))
                .toList()));

    Map<String, List<Row>> alertsByDayAndType = new TreeMap<>();
    for (Row row : alerts) {
      alertsByDayAndType
          .computeIfAbsent(
              utcDay(row.getAs("alert_time")) + "|" + row.getAs("alert_type"),
              k -> new ArrayList<>())
          .add(row);
    }
    List<Row> qualityResults = lake(spark, catalog, LakeTable.DATA_QUALITY_RESULTS);
    java.sql.Timestamp latestRun =
        qualityResults.stream()
            .map(row -> row.<java.sql.Timestamp>getAs("run_time"))
            .max(java.util.Comparator.naturalOrder())
            .orElseThrow();
    answers.put(
        AnalyticsView.DATA_QUALITY_LATEST,
        sorted(
            qualityResults.stream()
                .filter(row -> row.getAs("run_time").equals(latestRun))
                .map(
                    row ->
                        line(
                            row.getAs("run_time"),
                            row.getAs("table_name"),
                            row.getAs("check_name"),
                            row.getAs("observed"),
                            row.getAs("expectation"),
                            row.<Boolean>getAs("passed") ? 0 : 1,
                            row.getAs("detail")))
                .toList()));
    answers.put(
        AnalyticsView.DAILY_HEALTH_ALERTS_BY_TYPE,
        sorted(
            alertsByDayAndType.entrySet().stream()
                .map(
                    e ->
                        e.getKey()
                            + "|"
                            + format((long) e.getValue().size())
                            + "|"
                            + format(
                                e.getValue().stream()
                                    .map(r -> r.getAs("cat_id"))
                                    .distinct()
                                    .count()))
                .toList()));
    return answers;
  }

  private static List<Row> lake(SparkSession spark, CatalogSettings catalog, LakeTable table) {
    return spark.table(table.qualifiedName(catalog)).collectAsList();
  }

  private static LocalDate utcDay(java.sql.Timestamp time) {
    return LocalDate.ofInstant(time.toInstant(), ZoneOffset.UTC);
  }

  private static List<String> viewRows(Connection trino, AnalyticsView view) throws SQLException {
    return viewRows(trino, schemas, view);
  }

  /** The rows of {@code view} in {@code target}'s views schema, each as one line. */
  static List<String> viewRows(Connection trino, ViewSchemas target, AnalyticsView view)
      throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = trino.createStatement();
        ResultSet result = statement.executeQuery("SELECT * FROM " + target.qualifiedView(view))) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        Object[] values = new Object[columns];
        for (int i = 0; i < columns; i++) {
          values[i] = result.getObject(i + 1);
        }
        rows.add(line(values));
      }
    }
    return sorted(rows);
  }

  private static Set<String> listedViews(Connection trino) throws SQLException {
    Set<String> views = new HashSet<>();
    try (Statement statement = trino.createStatement();
        ResultSet result =
            statement.executeQuery(
                ("SELECT table_name FROM system.jdbc.tables WHERE table_cat = 'iceberg'"
                        + " AND table_schem = '%s' AND table_type = 'VIEW'")
                    .formatted(schemas.analytics().substring("iceberg.".length())))) {
      while (result.next()) {
        views.add(result.getString(1));
      }
    }
    return views;
  }

  private static List<String> viewNames() {
    return java.util.Arrays.stream(AnalyticsView.values()).map(AnalyticsView::viewName).toList();
  }

  private static List<String> createViews(Connection trino, ViewSchemas target) {
    try {
      return TrinoViews.createOrReplace(trino, target, quiet());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String queryError(Connection trino, String sql) {
    try (Statement statement = trino.createStatement();
        ResultSet ignored = statement.executeQuery(sql)) {
      return "no error";
    } catch (SQLException e) {
      return e.getMessage();
    }
  }

  /** Values joined with '|': doubles to 6 places, decimals without trailing zeros. */
  private static String line(Object... values) {
    StringBuilder text = new StringBuilder();
    for (Object value : values) {
      if (!text.isEmpty()) {
        text.append('|');
      }
      text.append(format(value));
    }
    return text.toString();
  }

  private static String format(Object value) {
    if (value instanceof Double number) {
      return "%.6f".formatted(number);
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.stripTrailingZeros().toPlainString();
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toString();
    }
    // Spark's and Trino's timestamps (with time zone) compared as instants.
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant().toString();
    }
    if (value instanceof java.time.ZonedDateTime zoned) {
      return zoned.toInstant().toString();
    }
    if (value instanceof java.time.OffsetDateTime offset) {
      return offset.toInstant().toString();
    }
    return String.valueOf(value);
  }

  private static List<String> sorted(List<String> rows) {
    return rows.stream().sorted().toList();
  }

  /** The read-only analyst, as Superset and the notebooks connect: every check reads as it. */
  private static Connection trino(TestingPlatform platform) throws SQLException {
    return platform.trino(TrinoUser.ANALYST).connect();
  }

  /** The user {@link TrinoViews} connects as, the one that may create the views. */
  private static Connection viewOwner(TestingPlatform platform) throws SQLException {
    return platform.trino(TrinoUser.VIEW_OWNER).connect();
  }

  private static PrintStream quiet() {
    return new PrintStream(OutputStream.nullOutputStream());
  }
}
