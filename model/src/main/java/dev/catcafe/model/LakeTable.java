package dev.catcafe.model;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.CatalogSettings;

/** Every Iceberg table of the lake, by its name inside the lakehouse namespace. */
public enum LakeTable {
  CAT_INTERACTIONS_RAW("cat_interactions_raw"),
  CAT_WELLNESS_RAW("cat_wellness_raw"),
  VISITOR_CHECKINS_RAW("visitor_checkins_raw"),
  CAFE_ORDERS_RAW("cafe_orders_raw"),
  CAT_LOCATIONS_RAW("cat_locations_raw"),
  CAT_HEALTH_ALERTS_RAW("cat_health_alerts_raw"),
  POTENTIAL_ADOPTERS_RAW("potential_adopters_raw"),
  /** Records the ingestion could not parse, with the reason: the dead letters. */
  INGEST_ERRORS("ingest_errors"),
  CATS_PROFILES_RAW("cats_profiles_raw"),
  VISITORS_PROFILES_RAW("visitors_profiles_raw"),
  DAILY_CAT_SUMMARY("daily_cat_summary");

  private final String tableName;

  LakeTable(String tableName) {
    this.tableName = tableName;
  }

  public String tableName() {
    return tableName;
  }

  /** {@code catalog.namespace.table}, as Spark names it. */
  public String qualifiedName(CatalogSettings catalog) {
    requireNonNull(catalog, "catalog is null");
    return catalog.name() + "." + catalog.namespace() + "." + tableName;
  }
}
