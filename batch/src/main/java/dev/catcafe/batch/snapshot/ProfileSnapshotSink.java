package dev.catcafe.batch.snapshot;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.config.CatalogSettings;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Replaces a profile table of the lake with a fresh copy in one Iceberg commit ({@code CREATE OR
 * REPLACE TABLE … AS SELECT}). The table keeps its snapshot history across replaces, so the
 * profiles as they were at time T are {@code SELECT … FOR TIMESTAMP AS OF T}.
 */
public final class ProfileSnapshotSink {
  private final SparkSession spark;
  private final CatalogSettings catalog;

  public ProfileSnapshotSink(SparkSession spark, CatalogSettings catalog) {
    this.spark = requireNonNull(spark, "spark is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
  }

  /** Replaces {@code table} with {@code rows}; returns the new snapshot's id and row count. */
  public TableSnapshot replace(LakeTable table, Dataset<Row> rows) {
    requireNonNull(table, "table is null");
    requireNonNull(rows, "rows is null");
    String name = table.qualifiedName(catalog);
    rows.writeTo(name).using("iceberg").createOrReplace();
    try {
      Table iceberg = Spark3Util.loadIcebergTable(spark, name);
      iceberg.refresh();
      Snapshot snapshot = iceberg.currentSnapshot();
      long records =
          snapshot == null
              ? 0
              : Long.parseLong(snapshot.summary().getOrDefault("total-records", "0"));
      return new TableSnapshot(table, snapshot == null ? -1 : snapshot.snapshotId(), records);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read back the snapshot of " + name, e);
    }
  }

  /** One replaced table: its new snapshot (-1 when the copy was empty) and how many rows. */
  public record TableSnapshot(LakeTable table, long snapshotId, long rows) {
    public TableSnapshot {
      requireNonNull(table, "table is null");
    }
  }
}
