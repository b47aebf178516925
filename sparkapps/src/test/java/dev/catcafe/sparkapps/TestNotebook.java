package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.model.config.SparkCatalogConf;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The notebook is a valid nbformat 4 document with no committed outputs, configures the catalog
 * with exactly the keys {@link SparkCatalogConf#of} sets, reads only settings JupyterHub gives it,
 * and never writes by itself: its one write is the ETL step, the project's own {@code
 * DailyCatSummaryJob} run through the kernel's JVM. (CatCafeNotebookIT in batch/ executes it.)
 */
final class TestNotebook {
  private static final Path NOTEBOOK =
      ProjectFiles.root().resolve("notebooks/cat_cafe_lakehouse.ipynb");

  /** Spark and SQL calls that change a table. */
  private static final Pattern WRITE =
      Pattern.compile(
          "(?i)(\\.write\\b|\\.writeTo\\(|\\.writeStream\\b|saveAsTable|insertInto"
              + "|\\b(INSERT|CREATE|DROP|ALTER|DELETE|MERGE|UPDATE|TRUNCATE|CALL|REPLACE)\\s+[A-Z(]"
              + "|\\.(save|mode)\\()");

  private static final Pattern CONF_KEY = Pattern.compile("(?m)^\\s*(f?\"([^\"]+)\"|prefix)\\s*:");

  private static final Pattern ENV_READ =
      Pattern.compile("os\\.environ(?:\\.get\\(|\\[)\"([A-Z_][A-Z0-9_]*)\"");

  @Test
  void isNbformat4WithIdsAndNoOutputs() throws IOException {
    JsonNode notebook = new ObjectMapper().readTree(NOTEBOOK.toFile());

    assertThat(notebook.path("nbformat").asInt()).isEqualTo(4);
    assertThat(notebook.path("nbformat_minor").asInt()).isGreaterThanOrEqualTo(5);
    assertThat(notebook.path("metadata").path("kernelspec").path("name").asText())
        .isEqualTo("python3");
    assertThat(notebook.path("cells").size()).isGreaterThan(5);
    Set<String> ids = new LinkedHashSet<>();
    for (JsonNode cell : notebook.path("cells")) {
      assertThat(cell.path("cell_type").asText()).isIn("markdown", "code");
      assertThat(cell.path("source").isArray()).isTrue();
      assertThat(ids.add(cell.path("id").asText())).as("unique cell id").isTrue();
      if (cell.path("cell_type").asText().equals("code")) {
        assertThat(cell.path("outputs").isArray()).isTrue();
        assertThat(cell.path("outputs").size()).as("committed outputs").isZero();
        assertThat(cell.path("execution_count").isNull()).as("execution count").isTrue();
      }
    }
  }

  @Test
  void configuresTheCatalogWithTheKeysOfSparkCatalogConf() throws IOException {
    String code = code();
    CatalogSettings catalog =
        new CatalogSettings(
            "lakehouse",
            CatalogType.JDBC,
            "jdbc:postgresql://h:5432/c",
            "u",
            "",
            "file:///w",
            "cafe",
            Optional.empty());
    String prefix = "spark.sql.catalog." + catalog.name();
    Set<String> keys = new LinkedHashSet<>();
    Matcher key = CONF_KEY.matcher(code);
    while (key.find()) {
      keys.add(key.group(1).equals("prefix") ? prefix : key.group(2).replace("{prefix}", prefix));
    }

    assertThat(keys).containsExactlyInAnyOrderElementsOf(SparkCatalogConf.of(catalog).keySet());
  }

  @Test
  void readsOnlySettingsThatJupyterHubProvides() throws IOException {
    List<String> read = new ArrayList<>();
    Matcher env = ENV_READ.matcher(code());
    while (env.find()) {
      read.add(env.group(1));
    }
    JsonNode values =
        ManifestDocument.parse(
                "jupyterhub-values",
                ProjectFiles.read(ProjectFiles.manifests().resolve(Manifests.JUPYTERHUB_VALUES)))
            .get(0)
            .tree();
    List<String> provided = new ArrayList<>();
    values.path("singleuser").path("extraEnv").fieldNames().forEachRemaining(provided::add);

    assertThat(read).contains("ICEBERG_CATALOG_URI", "ICEBERG_CATALOG_PASSWORD");
    assertThat(provided).containsAll(read);
  }

  @Test
  void writesNothing() throws IOException {
    assertThat(WRITE.matcher(code()).find()).as("a code cell writes: %s", firstWrite()).isFalse();
  }

  @Test
  void theEtlStepRunsTheProjectsOwnJobNotAPythonCopy() throws IOException {
    assertThat(code())
        .contains("jvm.dev.catcafe.batch.summary.DailyCatSummaryJob.run(")
        .doesNotContain("avg(\"activity_level\")")
        .doesNotContain("na.fill");
  }

  @Test
  void theWriteDetectorCatchesTheUsualWrites() {
    for (String write :
        List.of(
            "df.writeTo(\"lakehouse.cafe.t\").append()",
            "df.write.format(\"iceberg\").save(\"x\")",
            "spark.sql(\"INSERT INTO t VALUES (1)\")",
            "spark.sql(f\"CREATE TABLE {t} AS SELECT 1\")",
            "spark.sql(\"CALL lakehouse.system.expire_snapshots('t')\")")) {
      assertThat(WRITE.matcher(write).find()).as(write).isTrue();
    }
    assertThat(WRITE.matcher("spark.sql(\"SELECT * FROM t\").show()").find()).isFalse();
  }

  private static String firstWrite() throws IOException {
    Matcher matcher = WRITE.matcher(code());
    return matcher.find() ? matcher.group() : "none";
  }

  private static String code() throws IOException {
    JsonNode notebook = new ObjectMapper().readTree(NOTEBOOK.toFile());
    StringBuilder code = new StringBuilder();
    for (JsonNode cell : notebook.path("cells")) {
      if (cell.path("cell_type").asText().equals("code")) {
        cell.path("source").forEach(line -> code.append(line.asText()));
        code.append('\n');
      }
    }
    return code.toString();
  }
}
