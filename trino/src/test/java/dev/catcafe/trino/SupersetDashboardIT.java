package dev.catcafe.trino;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.TrinoUser;
import dev.catcafe.platform.Ports;
import dev.catcafe.platform.testing.HeadlessChromium;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.TestingCatalogs;
import dev.catcafe.spark.testing.TestingSessions;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * The Cat Cafe 360° dashboard in a real Apache Superset, installed from the project's pins by
 * {@code bin/superset}, against the test platform's real Trino: the import waits for an unreachable
 * Trino and retries once it answers; the REST API lists what the bundle holds; every chart's saved
 * query returns what the same SQL returns on Trino, today's events included; SQL Lab explores the
 * lake; Chromium renders all seven charts; a killed server comes back by itself. Lives in the trino
 * module because the dashboard reads this module's views and its tests already write their data
 * ({@link TestingCafeData}) and create them ({@link TrinoViews}).
 */
@ExtendWith(LocalPlatformExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
final class SupersetDashboardIT {
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final String PREFIX = "it-superset-" + RUN + "-";
  private static final Duration IMPORT_DEADLINE = Duration.ofMinutes(3);
  private static final Path BUILD_OUTPUT = Path.of("target", "superset");

  /** The charts' time range: the 90 days up to and including today (superset/charts/*.yaml). */
  private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

  private static SparkSession spark;
  private static ViewSchemas schemas;
  private static TestingSuperset superset;
  private static TestingSuperset.CommandResult install;
  private static TestingSuperset.CommandResult up;
  private static String token;

  @BeforeAll
  static void installStartAndImport(TestingPlatform platform) throws SQLException {
    Path root = TestingPlatform.projectRoot();
    // A venv of the tests' own (a `make run` Superset keeps its venv), mended by the first
    // command: missing on a fresh machine (built), broken here on purpose otherwise (the damaged
    // package reinstalled, as its pins are current).
    Path venv = root.resolve(".work/superset/it-venv");
    breakIfPresent(venv);
    superset = new TestingSuperset(root, platform.scratchDirectory("superset-home"), venv);
    install = superset.run("install");

    CatalogSettings catalog = TestingCatalogs.jdbc(platform, "it_superset_" + RUN);
    schemas = ViewSchemas.forNamespace("iceberg", catalog.namespace());
    // Today and yesterday, inside the charts' 90-day range, and a day 120 days back, outside it.
    TestingCafeData data =
        new TestingCafeData(PREFIX, 360L, List.of(TODAY.minusDays(120), TODAY.minusDays(1), TODAY));
    data.writeOperational(platform.postgres());
    spark = TestingSessions.create("superset-it", catalog);
    data.writeLake(spark, catalog);
    try (Connection trino = platform.trino(TrinoUser.VIEW_OWNER).connect()) {
      assertThat(TrinoViews.createOrReplace(trino, schemas, System.out)).isEmpty();
    }

    // First as on a `make run` where Trino is not up yet: a port where nothing listens.
    superset.writePlatformEnv(
        platform.trino(TrinoUser.ANALYST), Ports.freePort(), catalog.namespace());
    up = superset.run("up");
    token = superset.adminToken();
  }

  @AfterAll
  static void stop() {
    if (superset != null) {
      superset.run("down");
    }
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  @Order(1)
  void aMissingOrBrokenVenvIsRebuiltFromThePinsAndThenReused() {
    assertThat(install.exitCode()).as(install.output()).isZero();
    assertThat(install.output())
        .containsAnyOf("installing Apache Superset", "is broken or built from other pins")
        .contains("installed 6.1.0");
    // `up` found the venv matching its pins and did not install again.
    assertThat(up.output()).doesNotContain("installing").doesNotContain("rebuilding");
  }

  @Test
  @Order(2)
  void anUnreachableTrinoDefersTheImportWhichRunsOnceTrinoAnswers(TestingPlatform platform) {
    assertThat(up.exitCode()).as(up.output()).isZero();
    assertThat(up.output())
        .contains("running on http://127.0.0.1:" + superset.port())
        .contains("does not answer")
        .contains("retry");
    assertThat(count("/api/v1/dashboard/")).isZero();

    // The platform's Trino comes up: the waiting import finds it through platform.env.
    superset.writePlatformEnv(
        platform.trino(TrinoUser.ANALYST),
        trinoPort(platform),
        schemas.lake().substring("iceberg.".length()));
    Polling.awaitAsserted(
        IMPORT_DEADLINE, () -> assertThat(count("/api/v1/dashboard/")).isEqualTo(1));
  }

  @Test
  @Order(3)
  void theApiListsOneDashboardSevenChartsAndSevenDatasetsAndReimportIsIdempotent(
      TestingPlatform platform) {
    assertThat(count("/api/v1/dashboard/")).isEqualTo(1);
    assertThat(count("/api/v1/chart/")).isEqualTo(7);
    assertThat(count("/api/v1/dataset/")).isEqualTo(7);
    assertThat(count("/api/v1/database/")).isEqualTo(1);

    TestingSuperset.CommandResult again = superset.run("import");
    assertThat(again.exitCode()).as(again.output()).isZero();
    assertThat(count("/api/v1/dashboard/")).isEqualTo(1);
    assertThat(count("/api/v1/chart/")).isEqualTo(7);
    assertThat(count("/api/v1/dataset/")).isEqualTo(7);
    // The URI set at import time: the platform's read-only user, the committed catalog, the
    // platform's Trino port; the password is Superset's own (encrypted), shown only as its mask.
    JsonNode database =
        superset
            .get(token, "/api/v1/database/%d/connection".formatted(databaseId()))
            .json()
            .path("result");
    assertThat(database.path("sqlalchemy_uri").asText())
        .isEqualTo(
            "trino://analyst:XXXXXXXXXX@127.0.0.1:%d/iceberg".formatted(trinoPort(platform)));
    assertThat(database.path("expose_in_sqllab").asBoolean()).isTrue();
    assertThat(database.path("allow_dml").asBoolean()).isFalse();
  }

  @Test
  @Order(4)
  void everyChartReturnsWhatTheSameSqlReturnsOnTrinoWithTodayInTheData(TestingPlatform platform)
      throws SQLException {
    Map<String, String> expectedSql = expectedSqlByChart();
    JsonNode charts =
        superset
            .get(token, "/api/v1/chart/?q=(columns:!(id,slice_name),page_size:100)")
            .json()
            .path("result");
    assertThat(charts).hasSize(7);
    try (Connection trino = trino(platform)) {
      for (JsonNode chart : charts) {
        String name = chart.path("slice_name").asText();
        assertThat(expectedSql).as("an expected query for %s", name).containsKey(name);
        TestingSuperset.Response data =
            superset.get(token, "/api/v1/chart/%d/data/".formatted(chart.path("id").asInt()));
        assertThat(data.status()).as("%s: %s", name, data.body()).isEqualTo(200);
        List<String> chartRows = chartRows(data.json().path("result").path(0));
        List<String> trinoRows = trinoRows(trino, expectedSql.get(name));
        assertThat(trinoRows).as(name).isNotEmpty();
        assertThat(chartRows).as(name).containsExactlyInAnyOrderElementsOf(trinoRows);
      }
    }
    // Today's events are in the time-series charts; the day 120 days back is not.
    try (Connection trino = trino(platform)) {
      assertThat(trinoRows(trino, expectedSql.get("Daily Cafe Revenue")))
          .anyMatch(row -> row.startsWith(TODAY + "|"))
          .noneMatch(row -> row.startsWith(TODAY.minusDays(120) + "|"));
      assertThat(trinoRows(trino, expectedSql.get("Daily Health Alerts")))
          .anyMatch(row -> row.startsWith(TODAY + "|"));
    }
  }

  @Test
  @Order(5)
  void sqlLabRunsTheWorkshopsExplorationOnTrino() {
    String csrf = csrfToken();
    assertThat(sqlLabRows(csrf, "SHOW CATALOGS")).contains("iceberg", "postgresql");
    assertThat(sqlLabRows(csrf, "SHOW SCHEMAS FROM iceberg"))
        .contains(schemas.lake().substring("iceberg.".length()));
    assertThat(sqlLabRows(csrf, "SHOW TABLES FROM " + schemas.lake()))
        .contains("daily_cat_summary", "cafe_orders_raw");
    // Superset 6.1's SQL Lab replaces the statement's LIMIT 10 by its own row limit (queryLimit
    // + 1) on Trino, so only "rows come back" is asserted, not ten.
    assertThat(sqlLabRows(csrf, "SELECT * FROM " + schemas.lake() + ".daily_cat_summary LIMIT 10"))
        .isNotEmpty()
        .allSatisfy(day -> assertThat(LocalDate.parse(day)).isBeforeOrEqualTo(TODAY));
  }

  @Test
  @Order(6)
  void aWrongPasswordGets401() {
    assertThat(superset.login("admin", "not-the-password").status()).isEqualTo(401);
    assertThat(superset.login("admin", superset.adminPassword()).status()).isEqualTo(200);
  }

  @Test
  @Order(7)
  void chromiumShowsAllSevenChartsWithoutErrorOrEmptyPanel() throws IOException {
    HeadlessChromium.assumeInstalled();
    try (HeadlessChromium chromium = HeadlessChromium.start(1600, 1500)) {
      WebDriver browser = chromium.driver();
      DashboardPage page = new DashboardPage(browser, superset.baseUrl());
      page.logIn("admin", superset.adminPassword());
      page.open();
      Polling.awaitAsserted(
          Duration.ofMinutes(2),
          () -> assertThat(page.renderedCharts()).as("%s", page.problems()).isEqualTo(7));
      Files.createDirectories(BUILD_OUTPUT);
      Path screenshot = BUILD_OUTPUT.resolve("cat_cafe_360.png");
      Files.write(screenshot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      assertThat(page.problems()).isEmpty();
      assertThat(browser.findElements(By.cssSelector(".chart-header, [data-test=slice-header]")))
          .hasSizeGreaterThanOrEqualTo(7);
      System.out.println("dashboard screenshot: " + screenshot.toAbsolutePath());
    }
  }

  @Test
  @Order(8)
  void aKilledServerIsBroughtBackByItsSupervisor() {
    Path gunicornPidFile = superset.home().resolve("run/superset.pid.gunicorn");
    long killed = pidIn(gunicornPidFile);
    ProcessHandle server = ProcessHandle.of(killed).orElseThrow();
    server.destroyForcibly(); // SIGKILL: no chance to clean up, as in a crash or the OOM killer
    Polling.await(Duration.ofSeconds(30), "the killed server to end", () -> !server.isAlive());

    // The killed master's worker may answer a moment longer: wait for the new master's answer.
    Polling.await(
        Duration.ofMinutes(3),
        "a new server to answer",
        () -> pidIn(gunicornPidFile) != killed && superset.answers());
    assertThat(superset.run("status").output()).contains("superset running", "restarts 1");
    assertThat(superset.login("admin", superset.adminPassword()).status()).isEqualTo(200);
  }

  @Test
  @Order(9)
  void downStopsTheServerAndItsSupervisor() {
    Path run = superset.home().resolve("run");
    List<ProcessHandle> started = new ArrayList<>();
    for (String pidFile : List.of("superset.pid", "superset.pid.gunicorn")) {
      started.add(ProcessHandle.of(pidIn(run.resolve(pidFile))).orElseThrow());
    }

    TestingSuperset.CommandResult down = superset.run("down");
    assertThat(down.exitCode()).as(down.output()).isZero();
    assertThat(superset.run("status").output()).contains("superset stopped");
    assertThat(superset.answers()).isFalse();
    assertThat(started).as("the supervisor and gunicorn").noneMatch(ProcessHandle::isAlive);
  }

  /** The pid in a pid file, or -1 while the file is missing or being written. */
  private static long pidIn(Path pidFile) {
    try {
      return Long.parseLong(Files.readString(pidFile).strip());
    } catch (IOException | NumberFormatException notThereYet) {
      return -1;
    }
  }

  /** The SQL each chart's saved query stands for, written independently of Superset. */
  private static Map<String, String> expectedSqlByChart() {
    String range =
        "day >= DATE '%s' AND day < DATE '%s'".formatted(TODAY.minusDays(89), TODAY.plusDays(1));
    String views = schemas.analytics();
    return Map.of(
        "Data Quality, Latest Run",
        ("SELECT table_name, check_name, expectation, SUM(failed), MAX(observed)"
                + " FROM %s.data_quality_latest GROUP BY table_name, check_name, expectation")
            .formatted(views),
        "Likes by Coat Colour",
        "SELECT coat_color, SUM(likes) FROM %s.likes_by_coat_colour GROUP BY coat_color"
            .formatted(views),
        "Most Liked Cat Archetypes",
        "SELECT archetype, SUM(likes) FROM %s.most_liked_cat_archetypes GROUP BY archetype"
            .formatted(views),
        "Average Spend by Visitor Persona",
        ("SELECT persona, SUM(average_spend * orders) / SUM(orders)"
                + " FROM %s.average_spend_by_visitor_persona GROUP BY persona")
            .formatted(views),
        "Cat Popularity Profile",
        ("SELECT cat_id, archetype, MAX(age), AVG(avg_activity), SUM(total_interactions)"
                + " FROM %s.cat_popularity_profile GROUP BY cat_id, archetype")
            .formatted(views),
        "Daily Cafe Revenue",
        "SELECT day, SUM(revenue) FROM %s.daily_cafe_revenue WHERE %s GROUP BY day"
            .formatted(views, range),
        "Daily Health Alerts",
        ("SELECT day, alert_type, SUM(alerts) FROM %s.daily_health_alerts_by_type WHERE %s"
                + " GROUP BY day, alert_type")
            .formatted(views, range));
  }

  /**
   * A chart-data result as rows of '|'-joined values. Time-series results come pivoted (one column
   * per series, the x value first): they are unpivoted to (x, series, value), the shape of the
   * SQL's rows; an empty cell is a series without a value that day.
   */
  private static List<String> chartRows(JsonNode result) {
    List<String> columns = new ArrayList<>();
    result.path("colnames").forEach(column -> columns.add(column.asText()));
    boolean temporalAxis = result.path("coltypes").path(0).asInt() == 2;
    boolean pivotedSeries = temporalAxis && columns.size() > 2;
    List<String> rows = new ArrayList<>();
    for (JsonNode row : result.path("data")) {
      if (pivotedSeries) {
        String day = value(row.path(columns.get(0)), true);
        for (String series : columns.subList(1, columns.size())) {
          if (!row.path(series).isNull()) {
            rows.add(day + "|" + series + "|" + value(row.path(series), false));
          }
        }
      } else {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
          values.add(value(row.path(columns.get(i)), i == 0 && temporalAxis));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }

  private static String value(JsonNode node, boolean epochMillisDate) {
    if (epochMillisDate) {
      return LocalDate.ofInstant(Instant.ofEpochMilli(node.asLong()), ZoneOffset.UTC).toString();
    }
    return node.isNumber() ? number(node.decimalValue()) : node.asText();
  }

  private static List<String> trinoRows(Connection trino, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = trino.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          Object value = result.getObject(i);
          values.add(
              value instanceof Number number
                  ? number(new BigDecimal(number.toString()))
                  : String.valueOf(value));
        }
        rows.add(String.join("|", values));
      }
    }
    return rows;
  }

  /** Numbers to 6 decimal places, trailing zeros dropped: JSON doubles and SQL decimals agree. */
  private static String number(BigDecimal value) {
    BigDecimal rounded = value.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
  }

  private static int count(String listPath) {
    TestingSuperset.Response response = superset.get(token, listPath);
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return response.json().path("count").asInt();
  }

  private static int databaseId() {
    return superset.get(token, "/api/v1/database/").json().path("ids").path(0).asInt();
  }

  private static String csrfToken() {
    return superset.get(token, "/api/v1/security/csrf_token/").json().path("result").asText();
  }

  /** Runs {@code sql} in SQL Lab synchronously; the first column of every row. */
  private static List<String> sqlLabRows(String csrf, String sql) {
    String body =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .createObjectNode()
            .put("database_id", databaseId())
            .put("sql", sql)
            .put("runAsync", false)
            .put("queryLimit", 100)
            .put("client_id", UUID.randomUUID().toString().substring(0, 10))
            .toString();
    TestingSuperset.Response response =
        superset.send(
            HttpRequest.newBuilder(URI.create(superset.baseUrl() + "/api/v1/sqllab/execute/"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("X-CSRFToken", csrf)
                .header("Referer", superset.baseUrl())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(response.status()).as("%s: %s", sql, response.body()).isEqualTo(200);
    List<String> firstColumn = new ArrayList<>();
    for (JsonNode row : response.json().path("data")) {
      Iterator<JsonNode> values = row.elements();
      firstColumn.add(values.hasNext() ? values.next().asText() : "");
    }
    return firstColumn;
  }

  /** The user Superset connects as: what the charts show is what it may read. */
  private static Connection trino(TestingPlatform platform) throws SQLException {
    return platform.trino(TrinoUser.ANALYST).connect();
  }

  private static int trinoPort(TestingPlatform platform) {
    return URI.create(platform.trinoJdbcUrl().substring("jdbc:".length())).getPort();
  }

  /** Damages an existing venv the way a half-finished install would: a package gone. */
  private static void breakIfPresent(Path venv) {
    Path lib = venv.resolve("lib");
    if (!Files.isDirectory(lib)) {
      return;
    }
    try (Stream<Path> packages = Files.find(lib, 3, (path, attributes) -> isFlaskCaching(path))) {
      for (Path flaskCaching : packages.toList()) {
        try (Stream<Path> files = Files.walk(flaskCaching)) {
          for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(file);
          }
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean isFlaskCaching(Path path) {
    return path.getFileName().toString().equals("flask_caching")
        && path.getParent().getFileName().toString().equals("site-packages");
  }
}
