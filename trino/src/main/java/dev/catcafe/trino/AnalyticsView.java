package dev.catcafe.trino;

import dev.catcafe.model.WireName;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The analytics views the dashboards query, each defined by a versioned SQL file {@code
 * views/<name>.sql} on the classpath ({@code trino/src/main/resources/views/}); a view's name is
 * its constant's wire name.
 */
public enum AnalyticsView implements WireName {
  /** Daily summary likes × PostgreSQL cats, by coat colour. */
  LIKES_BY_COAT_COLOUR,
  /** Raw likes × PostgreSQL cats, by archetype. */
  MOST_LIKED_CAT_ARCHETYPES,
  /** Raw orders × PostgreSQL visitors, average spend by persona. */
  AVERAGE_SPEND_BY_VISITOR_PERSONA,
  /** Daily summary × PostgreSQL cats: available cats' activity and interactions. */
  CAT_POPULARITY_PROFILE,
  /** Raw orders by UTC day. */
  DAILY_CAFE_REVENUE,
  /** Raw health alerts by UTC day and type. */
  DAILY_HEALTH_ALERTS_BY_TYPE,
  /** The latest data-quality run's check results. */
  DATA_QUALITY_LATEST;

  public String viewName() {
    return wireName();
  }

  /** The view's SQL file as written, with its {@code ${…}} placeholders. */
  public String sqlTemplate() {
    String resource = "/views/" + viewName() + ".sql";
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
