package dev.catcafe.trino;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the views live and what they read, as Trino names them: {@code analytics} (the views'
 * schema, e.g. {@code iceberg.cafe_analytics}), {@code lake} (the lake's tables, {@code
 * iceberg.cafe}) and {@code cafe} (the operational database, {@code postgresql.public}). The SQL
 * files name them as {@code ${analytics}}, {@code ${lake}} and {@code ${cafe}}.
 */
public record ViewSchemas(String analytics, String lake, String cafe) {
  private static final Pattern QUALIFIED = Pattern.compile("[a-z_][a-z0-9_]*\\.[a-z_][a-z0-9_]*");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z]+)}");

  public ViewSchemas {
    analytics = requireQualified(analytics, "analytics schema");
    lake = requireQualified(lake, "lake schema");
    cafe = requireQualified(cafe, "cafe schema");
    if (analytics.equals(lake)) {
      throw new IllegalArgumentException(
          "the views need a schema of their own, not the lake's (%s)".formatted(lake));
    }
  }

  /**
   * The local platform's layout for lake namespace {@code namespace}: views in {@code
   * iceberg.<namespace>_analytics}, tables in {@code iceberg.<namespace>}, cafe in {@code
   * postgresql.public}.
   */
  public static ViewSchemas forNamespace(String lakeCatalog, String namespace) {
    return new ViewSchemas(
        "%s.%s_analytics".formatted(lakeCatalog, namespace),
        "%s.%s".formatted(lakeCatalog, namespace),
        "postgresql.public");
  }

  /** The catalog part of the analytics schema. */
  public String analyticsCatalog() {
    return analytics.substring(0, analytics.indexOf('.'));
  }

  /**
   * The same layout with the views' schema in {@code catalog}: where they are created, when the
   * catalog analysts read them through is read-only (the views' SQL names the tables fully, so it
   * reads the same through either).
   */
  public ViewSchemas withViewsIn(String catalog) {
    requireNonNull(catalog, "catalog is null");
    return new ViewSchemas(catalog + analytics.substring(analytics.indexOf('.')), lake, cafe);
  }

  public String qualifiedView(AnalyticsView view) {
    return analytics + "." + requireNonNull(view, "view is null").viewName();
  }

  /** {@code template} with every placeholder replaced; an unknown placeholder is an error. */
  public String render(String template) {
    Map<String, String> values = Map.of("analytics", analytics, "lake", lake, "cafe", cafe);
    Matcher matcher = PLACEHOLDER.matcher(requireNonNull(template, "template is null"));
    StringBuilder sql = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalArgumentException("unknown placeholder ${%s}".formatted(matcher.group(1)));
      }
      matcher.appendReplacement(sql, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(sql);
    return sql.toString();
  }

  /** The statement that creates or replaces {@code view}, ready for Trino (no trailing ';'). */
  public String createStatement(AnalyticsView view) {
    return withoutComments(render(view.sqlTemplate())).strip().replaceAll(";\\s*$", "");
  }

  private static String withoutComments(String sql) {
    return sql.lines()
        .filter(line -> !line.strip().startsWith("--"))
        .reduce("", (text, line) -> text + line + "\n");
  }

  private static String requireQualified(String value, String what) {
    if (value == null || !QUALIFIED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "%s is '%s': expected catalog.schema in lower case".formatted(what, value));
    }
    return value;
  }
}
