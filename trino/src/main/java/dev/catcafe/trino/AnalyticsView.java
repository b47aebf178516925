package dev.catcafe.trino;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The analytics views the dashboards query, each defined by a versioned SQL file {@code
 * views/<name>.sql} on the classpath ({@code trino/src/main/resources/views/}).
 */
public enum AnalyticsView {
  /** Daily summary likes × PostgreSQL cats, by coat colour. */
  LIKES_BY_COAT_COLOUR("likes_by_coat_colour"),
  /** Raw likes × PostgreSQL cats, by archetype. */
  MOST_LIKED_CAT_ARCHETYPES("most_liked_cat_archetypes"),
  /** Raw orders × PostgreSQL visitors, average spend by persona. */
  AVERAGE_SPEND_BY_VISITOR_PERSONA("average_spend_by_visitor_persona"),
  /** Daily summary × PostgreSQL cats: available cats' activity and interactions. */
  CAT_POPULARITY_PROFILE("cat_popularity_profile"),
  /** Raw orders by UTC day. */
  DAILY_CAFE_REVENUE("daily_cafe_revenue"),
  /** Raw health alerts by UTC day and type. */
  DAILY_HEALTH_ALERTS_BY_TYPE("daily_health_alerts_by_type");

  private final String viewName;

  AnalyticsView(String viewName) {
    this.viewName = viewName;
  }

  public String viewName() {
    return viewName;
  }

  /** The view's SQL file as written, with its {@code ${…}} placeholders. */
  public String sqlTemplate() {
    String resource = "/views/" + viewName + ".sql";
    try (InputStream in = AnalyticsView.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("view file " + resource + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
