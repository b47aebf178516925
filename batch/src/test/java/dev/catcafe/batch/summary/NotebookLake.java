package dev.catcafe.batch.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catcafe.batch.snapshot.ProfileSnapshotJob;
import dev.catcafe.batch.summary.TestingCafeEvents.SummaryRow;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.model.config.TrinoUser;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.TestingSessions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The lake the analysts' notebook runs on in the tests, on either storage: cats in an isolated
 * PostgreSQL database (and in the shared one Trino federates), two days of wellness and
 * interactions, three micro-batches of locations (three files, three snapshots), and two profile
 * snapshots with one adoption between them, which time travel must find. {@link #runNotebook}
 * executes {@code notebooks/cat_cafe_lakehouse.ipynb} on the lake's PySpark kernel and checks every
 * output against this data and the project's own {@link DailyCatSummaryJob}.
 */
record NotebookLake(
    CatalogSettings catalog,
    PostgresSettings postgres,
    Map<String, String> catNames,
    String adoptedCat,
    TestingCafeEvents events,
    SparkSession spark)
    implements AutoCloseable {
  private static final Duration NOTEBOOK_TIMEOUT = Duration.ofMinutes(10);

  /** Writes the notebook's data into {@code catalog} (its namespace names the cats' database). */
  static NotebookLake write(TestingPlatform platform, CatalogSettings catalog, String runId)
      throws SQLException {
    PostgresSettings postgres = platform.isolatedPostgres(catalog.namespace());
    Map<String, String> catNames = new LinkedHashMap<>();
    for (String name : List.of("Luna", "Oliver", "Bella", "Pax")) {
      catNames.put("it-nb-%s-%s".formatted(runId, name.toLowerCase()), name);
    }
    String adoptedCat = "it-nb-%s-bella".formatted(runId);
    TestingCats.reset(postgres);
    TestingCats.upsert(postgres, catNames);
    // Trino's postgresql catalog sees only the shared cafe database: the same cats go there too.
    TestingCats.upsert(platform.postgres(), catNames);

    SparkSession spark = TestingSessions.create("notebook-it", catalog);
    TestingCats.dropLakeTables(spark, catalog, LakeTable.values());
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    TestingCafeEvents events =
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
    return new NotebookLake(catalog, postgres, catNames, adoptedCat, events, spark);
  }

  /** Executes the notebook on this lake and checks what every cell published. */
  void runNotebook(TestingPlatform platform) throws IOException {
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
    List<SummaryRow> fromNotebook = etlRows.stream().map(NotebookLake::summaryRow).toList();
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

  @Override
  public void close() {
    spark.stop();
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
}
