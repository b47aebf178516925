package dev.catcafe.batch;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.config.CatalogSettings;
import org.apache.spark.sql.DataFrameWriterV2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;

/**
 * A lake table a batch job owns and writes (not one of the ingestion's raw tables): created on the
 * job's first run with its columns and partitioning, then written one Iceberg commit at a time.
 */
public final class BatchTable {
  private final SparkSession spark;
  private final String name;
  private final String columnsDdl;
  private final String partitioning;

  /**
   * {@code table} of {@code catalog}, with the Iceberg DDL column list {@code columnsDdl},
   * partitioned by {@code partitioning} (a column or a transform such as {@code days(run_time)}).
   */
  public BatchTable(
      SparkSession spark,
      CatalogSettings catalog,
      LakeTable table,
      String columnsDdl,
      String partitioning) {
    this.spark = requireNonNull(spark, "spark is null");
    this.name = requireNonNull(table, "table is null").qualifiedName(catalog);
    this.columnsDdl = requireNonNull(columnsDdl, "columnsDdl is null");
    this.partitioning = requireNonNull(partitioning, "partitioning is null");
  }

  /** The table's name in Spark: {@code catalog.namespace.table}. */
  public String name() {
    return name;
  }

  /** Creates the table on the first run. */
  public void createIfMissing() {
    spark.sql(
        "CREATE TABLE IF NOT EXISTS %s (%s) USING iceberg PARTITIONED BY (%s)"
            .formatted(name, columnsDdl, partitioning));
  }

  /**
   * Commits {@code rows} to the table as {@code commit} says (an append, an overwrite…). The table
   * exists ({@link #createIfMissing}), so its disappearance meanwhile is an error naming it.
   */
  public void write(Dataset<Row> rows, Commit commit) {
    requireNonNull(rows, "rows is null");
    requireNonNull(commit, "commit is null");
    try {
      commit.apply(rows.writeTo(name));
    } catch (NoSuchTableException e) {
      throw new IllegalStateException(name + " vanished while being written", e);
    }
  }

  /** How a write commits, e.g. {@code DataFrameWriterV2::append}. */
  @FunctionalInterface
  public interface Commit {
    void apply(DataFrameWriterV2<Row> writer) throws NoSuchTableException;
  }
}
