package dev.catcafe.model;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.CatalogSettings;

/**
 * Every Iceberg table of the lake. A table's name inside the lakehouse namespace is its constant's
 * wire name ({@code CAT_WELLNESS_RAW} is {@code cat_wellness_raw}): renaming a constant renames the
 * table.
 */
public enum LakeTable implements WireName {
  CAT_INTERACTIONS_RAW,
  CAT_WELLNESS_RAW,
  VISITOR_CHECKINS_RAW,
  CAFE_ORDERS_RAW,
  CAT_LOCATIONS_RAW,
  CAT_HEALTH_ALERTS_RAW,
  POTENTIAL_ADOPTERS_RAW,
  /** Records the ingestion could not parse, with the reason: the dead letters. */
  INGEST_ERRORS,
  CATS_PROFILES_RAW,
  VISITORS_PROFILES_RAW,
  DAILY_CAT_SUMMARY,
  /** One row per data-quality check and run: what the lake's checks observed, passed or not. */
  DATA_QUALITY_RESULTS;

  public String tableName() {
    return wireName();
  }

  /** {@code catalog.namespace.table}, as Spark names it. */
  public String qualifiedName(CatalogSettings catalog) {
    requireNonNull(catalog, "catalog is null");
    return catalog.name() + "." + catalog.namespace() + "." + tableName();
  }
}
