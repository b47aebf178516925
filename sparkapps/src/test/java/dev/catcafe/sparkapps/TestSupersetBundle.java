package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The dashboards-as-code in {@code superset/} hold together: every dataset is a Trino analytics
 * view whose SQL file exists in {@code trino/} and whose columns are exactly the view's output
 * columns; every chart uses an existing dataset and only its columns and metrics; the dashboard
 * places every chart and nothing else.
 */
final class TestSupersetBundle {
  private static final Path SUPERSET = ProjectFiles.root().resolve("superset");
  private static final Path VIEWS = ProjectFiles.root().resolve("trino/src/main/resources/views");

  /** The trino module creates the views in {@code <lake namespace>_analytics}. */
  private static final String ANALYTICS_SCHEMA =
      ClusterProfile.defaults().catalog().namespace() + "_analytics";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  @Test
  void theBundleHasMetadataAndOneTrinoDatabaseWithoutPassword() {
    JsonNode metadata = yaml(SUPERSET.resolve("metadata.yaml"));
    assertThat(metadata.path("type").asText()).isEqualTo("Dashboard");
    assertThat(metadata.path("version").asText()).isEqualTo("1.0.0");

    JsonNode database = yaml(SUPERSET.resolve("databases/trino.yaml"));
    assertThat(database.path("sqlalchemy_uri").asText())
        .isEqualTo("trino://analyst@trino:8443/iceberg");
    assertThat(database.has("password")).isFalse();
  }

  @Test
  void everyDatasetIsAnExistingViewWithExactlyItsColumns() {
    String databaseUuid = yaml(SUPERSET.resolve("databases/trino.yaml")).path("uuid").asText();
    List<Path> datasets = ProjectFiles.filesUnder(SUPERSET.resolve("datasets"), ".yaml");
    assertThat(datasets).hasSize(7);
    for (Path file : datasets) {
      JsonNode dataset = yaml(file);
      String view = dataset.path("table_name").asText();
      Path sql = VIEWS.resolve(view + ".sql");
      assertThat(Files.isRegularFile(sql)).as("%s: view file %s", file, sql).isTrue();
      assertThat(dataset.path("schema").asText()).isEqualTo(ANALYTICS_SCHEMA);
      assertThat(dataset.path("sql").isNull()).as("%s is a physical dataset", file).isTrue();
      assertThat(dataset.path("database_uuid").asText()).isEqualTo(databaseUuid);
      assertThat(columnNames(dataset))
          .as("%s columns", file)
          .containsExactlyInAnyOrderElementsOf(viewColumns(ProjectFiles.read(sql), view));
      for (JsonNode metric : dataset.path("metrics")) {
        assertThat(identifiersIn(metric.path("expression").asText()))
            .as("%s metric %s", file, metric.path("metric_name").asText())
            .isNotEmpty()
            .isSubsetOf(columnNames(dataset));
      }
    }
  }

  @Test
  void everyChartUsesAnExistingDatasetAndOnlyItsColumnsAndMetrics() {
    Map<String, JsonNode> datasets = byUuid(SUPERSET.resolve("datasets"));
    List<Path> charts = ProjectFiles.filesUnder(SUPERSET.resolve("charts"), ".yaml");
    assertThat(charts).hasSize(7);
    for (Path file : charts) {
      JsonNode chart = yaml(file);
      JsonNode dataset = datasets.get(chart.path("dataset_uuid").asText());
      assertThat(dataset).as("%s: dataset %s", file, chart.path("dataset_uuid")).isNotNull();
      JsonNode params = chart.path("params");
      assertThat(params.path("viz_type").asText()).isEqualTo(chart.path("viz_type").asText());
      Set<String> columns = new HashSet<>(columnNames(dataset));
      Set<String> metrics = new HashSet<>(dataset.path("metrics").findValuesAsText("metric_name"));
      for (String key : List.of("x_axis", "series", "entity")) {
        if (params.has(key)) {
          assertThat(columns).as("%s %s", file, key).contains(params.path(key).asText());
        }
      }
      params.path("groupby").forEach(column -> assertThat(columns).contains(column.asText()));
      List<String> usedMetrics = new ArrayList<>();
      params.path("metrics").forEach(metric -> usedMetrics.add(metric.asText()));
      for (String key : List.of("x", "y", "size")) {
        if (params.has(key)) {
          usedMetrics.add(params.path(key).asText());
        }
      }
      assertThat(usedMetrics).as("%s uses metrics", file).isNotEmpty();
      assertThat(metrics).as("%s metrics", file).containsAll(usedMetrics);
      params
          .path("adhoc_filters")
          .forEach(filter -> assertThat(columns).contains(filter.path("subject").asText()));
    }
  }

  /**
   * Every chart carries the query the dashboard runs ({@code GET /api/v1/chart/{id}/data/} and
   * cache warm-up need it), consistent with the chart's own params: same viz type, the same columns
   * and metrics, the same time range.
   */
  @Test
  void everyChartSavesAQueryContextMatchingItsParams() throws Exception {
    for (Path file : ProjectFiles.filesUnder(SUPERSET.resolve("charts"), ".yaml")) {
      JsonNode chart = yaml(file);
      assertThat(chart.path("query_context").isTextual()).as("%s query_context", file).isTrue();
      JsonNode context = JSON.readTree(chart.path("query_context").asText());
      JsonNode params = chart.path("params");
      assertThat(context.path("form_data").path("viz_type").asText())
          .as("%s", file)
          .isEqualTo(params.path("viz_type").asText());
      assertThat(context.path("queries")).as("%s queries", file).hasSize(1);
      JsonNode query = context.path("queries").path(0);
      List<String> paramMetrics = new ArrayList<>();
      params.path("metrics").forEach(metric -> paramMetrics.add(metric.asText()));
      for (String key : List.of("x", "y", "size")) {
        if (params.has(key)) {
          paramMetrics.add(params.path(key).asText());
        }
      }
      List<String> queryMetrics = new ArrayList<>();
      query.path("metrics").forEach(metric -> queryMetrics.add(metric.asText()));
      assertThat(queryMetrics).as("%s metrics", file).containsExactlyElementsOf(paramMetrics);
      Set<String> paramColumns = new HashSet<>();
      for (String key : List.of("x_axis", "entity", "series")) {
        if (params.has(key)) {
          paramColumns.add(params.path(key).asText());
        }
      }
      params.path("groupby").forEach(column -> paramColumns.add(column.asText()));
      Set<String> queryColumns = new HashSet<>();
      query
          .path("columns")
          .forEach(
              column ->
                  queryColumns.add(
                      column.isTextual()
                          ? column.asText()
                          : column.path("sqlExpression").asText()));
      assertThat(queryColumns).as("%s columns", file).isEqualTo(paramColumns);
      List<String> paramRanges = new ArrayList<>();
      params
          .path("adhoc_filters")
          .forEach(filter -> paramRanges.add(filter.path("comparator").asText()));
      List<String> queryRanges = new ArrayList<>();
      query.path("filters").forEach(filter -> queryRanges.add(filter.path("val").asText()));
      assertThat(queryRanges).as("%s time ranges", file).isEqualTo(paramRanges);
    }
  }

  /**
   * Superset's "Last quarter" (or "Last week" ...) ends at the start of today, so a chart showed
   * nothing on the platform's first day: every time range ends after today.
   */
  @Test
  void everyTimeRangeIncludesToday() {
    int ranges = 0;
    for (Path file : ProjectFiles.filesUnder(SUPERSET.resolve("charts"), ".yaml")) {
      for (JsonNode filter : yaml(file).path("params").path("adhoc_filters")) {
        if (filter.path("operator").asText().equals("TEMPORAL_RANGE")) {
          ranges++;
          String range = filter.path("comparator").asText();
          assertThat(range).as("%s", file).contains(" : ");
          assertThat(range.substring(range.indexOf(" : ") + 3))
              .as("%s: the range ends after today", file)
              .isEqualTo("DATEADD(DATETIME(\"today\"), 1, day)");
        }
      }
    }
    assertThat(ranges).as("the daily charts have time ranges").isEqualTo(2);
  }

  @Test
  void theDashboardPlacesEveryChartOnce() {
    Map<String, JsonNode> charts = byUuid(SUPERSET.resolve("charts"));
    JsonNode dashboard = yaml(SUPERSET.resolve("dashboards/cat_cafe_360.yaml"));
    assertThat(dashboard.path("dashboard_title").asText()).isEqualTo("Cat Cafe 360° View");
    List<String> placed = new ArrayList<>();
    dashboard
        .path("position")
        .properties()
        .forEach(
            entry -> {
              if (entry.getValue().path("type").asText().equals("CHART")) {
                placed.add(entry.getValue().path("meta").path("uuid").asText());
              }
            });
    assertThat(placed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(charts.keySet());
  }

  @Test
  void viewColumnsAreReadFromTheSelectList() {
    String sql =
        """
        -- a comment, with a comma
        CREATE OR REPLACE VIEW ${analytics}.v
        COMMENT 'v1'
        AS
        SELECT
          CAST(o.event_time AT TIME ZONE 'UTC' AS date) AS day,
          c.coat_color,
          sum(s.like_count) AS likes
        FROM ${lake}.t o
        """;

    assertThat(viewColumns(sql, "v")).containsExactly("day", "coat_color", "likes");
  }

  /** The output column names of a view's top-level SELECT list. */
  static List<String> viewColumns(String sql, String view) {
    String code = sql.replaceAll("--[^\\n]*", " ");
    assertThat(code).contains("VIEW ${analytics}." + view + "\n");
    Matcher select = Pattern.compile("(?is)\\bAS\\s+SELECT\\b(.*?)\\bFROM\\b").matcher(code);
    assertThat(select.find()).as("%s has AS SELECT … FROM", view).isTrue();
    List<String> columns = new ArrayList<>();
    for (String item : splitTopLevel(select.group(1))) {
      Matcher alias =
          Pattern.compile("(?is).*\\bAS\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*$").matcher(item);
      String name;
      if (alias.matches() && depthAtEnd(item)) {
        name = alias.group(1);
      } else {
        String trimmed = item.strip();
        name = trimmed.substring(trimmed.lastIndexOf('.') + 1);
      }
      columns.add(name.toLowerCase(Locale.ROOT));
    }
    return columns;
  }

  private static boolean depthAtEnd(String item) {
    // "CAST(x AS date)" ends inside parentheses: its AS is not an alias.
    String trimmed = item.strip();
    return !trimmed.endsWith(")");
  }

  private static List<String> splitTopLevel(String list) {
    List<String> items = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (char c : list.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        items.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    items.add(current.toString());
    return items;
  }

  private static Set<String> identifiersIn(String expression) {
    Set<String> identifiers = new HashSet<>();
    Matcher matcher = IDENTIFIER.matcher(expression);
    while (matcher.find()) {
      int end = matcher.end();
      boolean isFunction = end < expression.length() && expression.charAt(end) == '(';
      if (!isFunction) {
        identifiers.add(matcher.group());
      }
    }
    return identifiers;
  }

  private static List<String> columnNames(JsonNode dataset) {
    return dataset.path("columns").findValuesAsText("column_name");
  }

  private static Map<String, JsonNode> byUuid(Path folder) {
    Map<String, JsonNode> byUuid = new LinkedHashMap<>();
    for (Path file : ProjectFiles.filesUnder(folder, ".yaml")) {
      JsonNode node = yaml(file);
      assertThat(byUuid.put(node.path("uuid").asText(), node))
          .as("unique uuid in %s", file)
          .isNull();
    }
    return byUuid;
  }

  private static JsonNode yaml(Path file) {
    List<ManifestDocument> documents =
        ManifestDocument.parse(file.toString(), ProjectFiles.read(file));
    assertThat(documents).as(file.toString()).hasSize(1);
    return documents.get(0).tree();
  }
}
