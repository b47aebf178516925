package dev.catcafe.batch.summary;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.config.CatalogSettings;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** What the summary tests compare a {@code daily_cat_summary} table with. */
final class TestingSummaries {
  private TestingSummaries() {}

  /** The summary computed afresh from the whole raw tables, as the table should hold it. */
  static Dataset<Row> recomputedFromRaw(SparkSession spark, CatalogSettings catalog) {
    return DailyCatSummaryTransform.summarize(
        spark.table(LakeTable.CAT_WELLNESS_RAW.qualifiedName(catalog)),
        spark.table(LakeTable.CAT_INTERACTIONS_RAW.qualifiedName(catalog)),
        spark.table(LakeTable.CATS_PROFILES_RAW.qualifiedName(catalog)));
  }

  /** The summary table's newest snapshot: a run that commits nothing leaves it as it was. */
  static long summarySnapshotId(SparkSession spark, CatalogSettings catalog) {
    String table = LakeTable.DAILY_CAT_SUMMARY.qualifiedName(catalog);
    spark.catalog().refreshTable(table);
    return spark
        .sql(
            "SELECT snapshot_id FROM %s.snapshots ORDER BY committed_at DESC LIMIT 1"
                .formatted(table))
        .first()
        .getLong(0);
  }
}
