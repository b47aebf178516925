package dev.catcafe.batch.summary;

import static dev.catcafe.model.config.CatalogType.JDBC;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catcafe.batch.schedule.BatchProcesses.Outcome;
import dev.catcafe.batch.snapshot.ProfileSnapshotJob;
import dev.catcafe.batch.summary.TestingCafeEvents.SummaryRow;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.model.config.TrinoUser;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.TestingCatalogs;
import dev.catcafe.spark.testing.TestingSessions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The analysts' notebook and its server, real end to end: the venv that {@code bin/notebook}
 * installs from the pins, {@code notebooks/cat_cafe_lakehouse.ipynb} executed cell by cell by
 * nbclient on the lake's PySpark kernel against the platform (its own namespace, cats and events
 * written here), and JupyterHub started on a free port, spawning the user's JupyterLab.
 *
 * <p>Lives in the batch module because the notebook's ETL step is this module's {@link
 * DailyCatSummaryJob}: its kernel runs the module's runnable layout ({@code batch/target/dist}),
 * and the test compares the notebook's summary with the job's rows through the module's fixtures.
 */
@ExtendWith(LocalPlatformExtension.class)
final class CatCafeNotebookIT {
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);
  private static final Duration NOTEBOOK_TIMEOUT = Duration.ofMinutes(10);
  private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);
  private static final String NAMESPACE = "it_notebook";

  private static SparkSession spark;
  private static CatalogSettings catalog;
  private static PostgresSettings postgres;
  private static Map<String, String> catNames;
  private static String adoptedCat;
  private static TestingCafeEvents events;

  /** {@code bin/notebook install} of a venv that was missing or broken, and the one after it. */
  private static Outcome install;

  private static Outcome reinstall;

  @BeforeAll
  static void installJupyterAndWriteTheLake() throws SQLException {
    // The one install the notebook needs also proves a broken or missing venv is rebuilt (a whole
    // install takes minutes, so the class pays for one): on a fresh checkout (CI) the venv is
    // missing; where it exists, a package is deleted first, which only the import check notices
    // (the stamp of the pins still matches).
    if (Files.isDirectory(TestingJupyter.VENV)) {
      Path trino = sitePackages().resolve("trino");
      assertThat(trino).isDirectory();
      deleteRecursively(trino);
    }
    install = TestingJupyter.notebookCommand(Map.of(), INSTALL_TIMEOUT, "install");
    assertThat(install.exitStatus()).as(install.toString()).isZero();
    System.out.println("bin/notebook install: " + install.stdout().strip());
    reinstall = TestingJupyter.notebookCommand(Map.of(), INSTALL_TIMEOUT, "install");

    TestingPlatform platform = TestingPlatform.shared();
    catalog = TestingCatalogs.onPlatform(JDBC, platform, NAMESPACE);
    postgres = platform.isolatedPostgres(NAMESPACE);
    catNames = new LinkedHashMap<>();
    for (String name : List.of("Luna", "Oliver", "Bella", "Pax")) {
      catNames.put("it-nb-%s-%s".formatted(RUN_ID, name.toLowerCase()), name);
    }
    adoptedCat = "it-nb-%s-bella".formatted(RUN_ID);
    TestingCats.reset(postgres);
    TestingCats.upsert(postgres, catNames);
    // Trino's postgresql catalog sees only the shared cafe database: the same cats go there too.
    TestingCats.upsert(platform.postgres(), catNames);

    spark = TestingSessions.create("notebook-it", catalog);
    TestingCats.dropLakeTables(spark, catalog, LakeTable.values());
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    events =
        TestingCafeEvents.generate(
            20261201L, new ArrayList<>(catNames.keySet()), List.of(today.minusDays(1), today));
    TestingRawTables raw = new TestingRawTables(spark, catalog);
    raw.append(Topic.CAT_WELLNESS, events.wellnessRows());
    raw.append(Topic.CAT_INTERACTIONS, events.interactionRows());
    // Three micro-batches of locations: three small files and three snapshots, as streamed.
    for (int batch = 0; batch < 3; batch++) {
      List<Row> locations = new ArrayList<>();
      for (String cat : catNames.keySet()) {
        Instant time = today.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(60L * batch);
        locations.add(RowFactory.create(Timestamp.from(time), cat, "lounge"));
      }
      raw.append(Topic.CAT_LOCATIONS, locations);
    }
    // Two profile snapshots with one adoption between them: what time travel must find.
    ProfileSnapshotJob.run(spark, catalog, postgres);
    try (Connection connection = TestingCats.connect(postgres);
        PreparedStatement adopt =
            connection.prepareStatement(
                "UPDATE cats SET status = 'adopted', adopted_date = now() WHERE cat_id = ?")) {
      adopt.setString(1, adoptedCat);
      assertThat(adopt.executeUpdate()).isOne();
    }
    ProfileSnapshotJob.run(spark, catalog, postgres);
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
      spark = null;
    }
  }

  @Test
  void everyCellRunsOnTheKernelAndTheEtlCellMatchesTheJavaJob(TestingPlatform platform)
      throws IOException {
    Map<String, String> environment =
        new LinkedHashMap<>(platform.environment(platform.kafka(), postgres, catalog));
    // The read-only analyst, as the notebook server hands it to every kernel.
    environment.putAll(platform.trinoEnvironment(TrinoUser.ANALYST));
    environment.put("CATCAFE_ENV_FILE", "/dev/null");
    environment.put(
        "CATCAFE_DIST_DIR", TestingJupyter.ROOT.resolve("batch/target/dist").toString());
    environment.put("SPARK_MASTER", "local[2]");
    Path output = Files.createTempFile("cat_cafe_lakehouse-executed", ".ipynb");

    long started = System.nanoTime();
    JsonNode notebook = TestingJupyter.execute(environment, output, NOTEBOOK_TIMEOUT);
    System.out.printf(
        "notebook executed in %d s (%s)%n",
        Duration.ofNanos(System.nanoTime() - started).toSeconds(), output);

    for (JsonNode cell : notebook.path("cells")) {
      if (cell.path("cell_type").asText().equals("code")) {
        assertThat(cell.path("execution_count").isInt())
            .as("cell %s ran", cell.path("id"))
            .isTrue();
        for (JsonNode cellOutput : cell.path("outputs")) {
          assertThat(cellOutput.path("output_type").asText())
              .as("cell %s: %s", cell.path("id"), cellOutput)
              .isNotEqualTo("error");
        }
      }
    }
    // Metadata tables: three location commits, each of one file.
    assertThat(rows(notebook, "files")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(rows(notebook, "snapshots")).hasSize(3);
    assertThat(rows(notebook, "history")).hasSize(3);
    assertThat(rows(notebook, "profile_snapshots")).hasSize(2);
    // Time travel finds exactly the cat adopted between the two profile snapshots.
    List<JsonNode> adopted = rows(notebook, "adopted_since_first_snapshot");
    assertThat(adopted).extracting(row -> row.path("cat_id").asText()).containsExactly(adoptedCat);
    assertThat(adopted.get(0).path("name").asText()).isEqualTo("Bella");

    // The ETL cell's rows equal the Java job's for the same day (run again here, in this JVM).
    List<JsonNode> etlRows = rows(notebook, "etl_daily_cat_summary");
    assertThat(etlRows).isNotEmpty();
    LocalDate etlDay = LocalDate.parse(etlRows.get(0).path("day").asText());
    List<SummaryRow> fromNotebook = etlRows.stream().map(CatCafeNotebookIT::summaryRow).toList();
    DailyCatSummaryResult rerun = DailyCatSummaryJob.run(spark, catalog, DaySelection.day(etlDay));
    assertThat(rerun.rowsWritten()).isEqualTo(fromNotebook.size());
    String summaryTable = LakeTable.DAILY_CAT_SUMMARY.qualifiedName(catalog);
    spark.catalog().refreshTable(summaryTable);
    List<SummaryRow> fromJavaJob =
        TestingCafeEvents.actual(
            spark.table(summaryTable).where("day = DATE '%s'".formatted(etlDay)).collectAsList());
    assertThat(fromNotebook).isEqualTo(fromJavaJob);
    assertThat(fromNotebook).isEqualTo(events.expectedSummary(catNames, List.of(etlDay)));

    // Trino joins the lake's summary with PostgreSQL's cats; the plot is drawn from it.
    List<JsonNode> federated = rows(notebook, "trino_federated");
    assertThat(federated)
        .extracting(row -> row.path("name").asText())
        .isNotEmpty()
        .isSubsetOf(catNames.values());
    assertThat(output(notebook, "plot").path("data").has("image/png")).isTrue();
    // Kept only when an assertion above failed, to read what the cells printed.
    Files.delete(output);
  }

  @Test
  void theHubServesTheUsersLabOnAFreePortRefusesAWrongPasswordAndComesBackAfterACrash(
      TestingPlatform platform) throws Exception {
    Path home = platform.scratchDirectory("jupyter-home");
    int port = freePort();
    Map<String, String> environment =
        new LinkedHashMap<>(platform.environment(platform.kafka(), postgres, catalog));
    environment.put("CATCAFE_HOME", home.toString());
    environment.put("CATCAFE_ENV_FILE", "/dev/null");
    environment.put("NOTEBOOK_PORT", Integer.toString(port));
    URI base = URI.create("http://127.0.0.1:%d".formatted(port));
    try {
      Outcome start = TestingJupyter.notebookCommand(environment, INSTALL_TIMEOUT, "start");
      assertThat(start.exitStatus()).as(start.toString()).isZero();
      assertThat(start.stdout()).contains(base.toString()).contains("user cafe");
      Path secrets = home.resolve("secrets.properties");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
          .isEqualTo("rw-------");
      Properties properties = new Properties();
      try (var reader = Files.newBufferedReader(secrets)) {
        properties.load(reader);
      }
      String password = properties.getProperty("jupyter.password");
      assertThat(password).hasSizeGreaterThanOrEqualTo(20);

      HttpClient browser =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NORMAL)
              // Plain HTTP/1.1: the proxy closes a connection that asks to upgrade to HTTP/2.
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      // A wrong password and a wrong API token are refused.
      assertThat(logIn(browser, base, "cafe", password + "x").statusCode()).isEqualTo(403);
      HttpResponse<String> badToken =
          browser.send(
              HttpRequest.newBuilder(base.resolve("/hub/api/users"))
                  .header("Authorization", "token not-a-token")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(badToken.statusCode()).isIn(401, 403);

      // The right one: the hub spawns the user's JupyterLab on the lake's kernel.
      assertThat(logIn(browser, base, "cafe", password).statusCode()).isEqualTo(200);
      Polling.awaitAsserted(
          Duration.ofMinutes(2),
          () -> {
            HttpResponse<String> lab = get(browser, base.resolve("/user/cafe/lab"));
            assertThat(lab.statusCode()).isEqualTo(200);
            assertThat(lab.uri().getPath()).startsWith("/user/cafe/lab");
          });
      HttpResponse<String> status = get(browser, base.resolve("/user/cafe/api/status"));
      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(status.body()).contains("\"kernels\"");
      HttpResponse<String> kernels = get(browser, base.resolve("/user/cafe/api/kernelspecs"));
      assertThat(kernels.body()).contains("PySpark 4.1.3, cat cafe lake");
      HttpResponse<String> notebookFile =
          get(browser, base.resolve("/user/cafe/api/contents/cat_cafe_lakehouse.ipynb"));
      assertThat(notebookFile.statusCode()).isEqualTo(200);

      // A hub killed outright (a crash, the OOM killer) is brought back by its supervisor, and
      // the user gets the lab again in the same session (the cookie secret is kept on disk).
      long supervisor = Long.parseLong(Files.readString(home.resolve("run/jupyter.pid")).strip());
      ProcessHandle hub =
          ProcessHandle.of(supervisor).orElseThrow().children().findFirst().orElseThrow();
      hub.destroyForcibly();
      Polling.await(Duration.ofSeconds(30), "the killed hub to end", () -> !hub.isAlive());
      Polling.awaitAsserted(
          Duration.ofMinutes(2),
          () -> {
            try {
              // The proxy and the user's server outlive the hub: only the hub's API tells.
              assertThat(get(browser, base.resolve("/hub/api/")).statusCode()).isEqualTo(200);
              HttpResponse<String> lab = get(browser, base.resolve("/user/cafe/lab"));
              assertThat(lab.statusCode()).isEqualTo(200);
              assertThat(lab.uri().getPath()).startsWith("/user/cafe/lab");
            } catch (UncheckedIOException notBackYet) { // refused while the hub restarts
              throw new AssertionError("the lab is not back: " + notBackYet, notBackYet);
            }
          });
      Outcome afterCrash =
          TestingJupyter.notebookCommand(environment, Duration.ofMinutes(1), "status");
      assertThat(afterCrash.stdout()).contains("jupyterhub running (restarts 1)");
    } finally {
      Outcome stop = TestingJupyter.notebookCommand(environment, Duration.ofMinutes(1), "stop");
      assertThat(stop.exitStatus()).as(stop.toString()).isZero();
    }
    assertThat(home.resolve("run/jupyter.pid")).doesNotExist();
    Polling.await(Duration.ofSeconds(30), "port %d free".formatted(port), () -> isFree(port));
    // Nothing the hub started (proxy, the user's JupyterLab, kernels) outlives the stop.
    Polling.awaitAsserted(
        Duration.ofSeconds(30), () -> assertThat(processesWithHome(home)).isEmpty());
  }

  /** The live processes whose environment has {@code CATCAFE_HOME=home}, with their commands. */
  private static List<String> processesWithHome(Path home) {
    String variable = "CATCAFE_HOME=" + home;
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .filter(process -> environment(process.pid()).contains(variable))
        .map(process -> process.pid() + " " + process.info().commandLine().orElse("?"))
        .toList();
  }

  private static List<String> environment(long pid) {
    try {
      return List.of(Files.readString(Path.of("/proc", Long.toString(pid), "environ")).split("\0"));
    } catch (IOException | UncheckedIOException gone) {
      return List.of(); // ended meanwhile, or not ours to read
    }
  }

  @Test
  void aBrokenOrMissingVenvIsRebuiltAndASoundOneKept() {
    assertThat(install.exitStatus()).as(install.toString()).isZero();
    assertThat(install.stdout()).contains("Installing Jupyter").contains("Jupyter installed in");
    assertThat(sitePackages().resolve("trino")).isDirectory();
    assertThat(reinstall.exitStatus()).as(reinstall.toString()).isZero();
    assertThat(reinstall.stdout()).doesNotContain("Installing");
  }

  /** The venv's site-packages ({@code lib/python3.N/site-packages}, N of the machine's Python). */
  private static Path sitePackages() {
    try (var versions = Files.list(TestingJupyter.VENV.resolve("lib"))) {
      return versions
          .map(version -> version.resolve("site-packages"))
          .filter(Files::isDirectory)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no site-packages in " + TestingJupyter.VENV));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<JsonNode> rows(JsonNode notebook, String name) {
    JsonNode rows =
        TestingJupyter.publishedRows(notebook, name)
            .orElseThrow(() -> new AssertionError("no output published " + name));
    List<JsonNode> list = new ArrayList<>();
    rows.forEach(list::add);
    return list;
  }

  private static JsonNode output(JsonNode notebook, String cellId) {
    for (JsonNode cell : notebook.path("cells")) {
      if (cell.path("id").asText().equals(cellId)) {
        for (JsonNode cellOutput : cell.path("outputs")) {
          if (cellOutput.path("output_type").asText().equals("display_data")) {
            return cellOutput;
          }
        }
      }
    }
    throw new AssertionError("cell " + cellId + " displayed nothing");
  }

  private static SummaryRow summaryRow(JsonNode row) {
    return new SummaryRow(
        LocalDate.parse(row.path("day").asText()),
        row.path("cat_id").asText(),
        row.hasNonNull("name") ? row.path("name").asText() : null,
        TestingCafeEvents.round(row.path("avg_activity_level").asDouble()),
        TestingCafeEvents.round(row.path("max_hours_since_drink").asDouble()),
        row.path("total_interaction_count").asLong(),
        row.path("like_count").asLong());
  }

  private static HttpResponse<String> logIn(
      HttpClient browser, URI base, String user, String password) throws Exception {
    get(browser, base.resolve("/hub/login")); // sets the _xsrf cookie the form must echo
    String xsrf =
        ((CookieManager) browser.cookieHandler().orElseThrow())
            .getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("_xsrf"))
                .findFirst()
                .orElseThrow()
                .getValue();
    String form =
        "username=%s&password=%s&_xsrf=%s".formatted(encode(user), encode(password), encode(xsrf));
    return browser.send(
        HttpRequest.newBuilder(base.resolve("/hub/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(HttpClient browser, URI uri) {
    try {
      return browser.send(
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static boolean isFree(int port) {
    try {
      new ServerSocket(port).close();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteRecursively(Path directory) {
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
