package dev.catcafe.batch.quality;

import static java.util.Objects.requireNonNull;

import dev.catcafe.batch.BatchTable;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.spark.DataQualityResults;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.DataFrameWriterV2;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Appends a run's results to {@code data_quality_results} (partitioned by the day of the run), one
 * row per check, in one commit: the history of every check, which the Trino view {@code
 * data_quality_latest} and the dashboard read.
 */
public final class QualityResultsSink {
  private static final StructType SCHEMA = StructType.fromDDL(DataQualityResults.COLUMNS_DDL);

  private final SparkSession spark;
  private final BatchTable table;

  public QualityResultsSink(SparkSession spark, CatalogSettings catalog) {
    this.spark = requireNonNull(spark, "spark is null");
    this.table =
        new BatchTable(
            spark,
            catalog,
            LakeTable.DATA_QUALITY_RESULTS,
            DataQualityResults.COLUMNS_DDL,
            DataQualityResults.PARTITION_TRANSFORM);
  }

  public String tableName() {
    return table.name();
  }

  /** Creates the table on the first run. */
  public void createIfMissing() {
    table.createIfMissing();
  }

  /** Appends every result of {@code report}. */
  public void append(QualityReport report) {
    requireNonNull(report, "report is null");
    createIfMissing();
    Timestamp runTime = Timestamp.from(report.runTime());
    List<Row> rows = new ArrayList<>();
    for (CheckResult result : report.results()) {
      rows.add(
          RowFactory.create(
              report.runId(),
              runTime,
              result.check().table().tableName(),
              result.check().name(),
              result.observed().isPresent() ? result.observed().getAsDouble() : null,
              result.check().rule().expectation(),
              result.passed(),
              result.detail()));
    }
    table.write(spark.createDataFrame(rows, SCHEMA), DataFrameWriterV2::append);
  }
}
