package dev.catcafe.spark;

/**
 * The layout of {@code data_quality_results}: one row per data-quality check and run. The batch
 * job's checks append to it; the Trino view {@code data_quality_latest} and the tests read it by
 * these names.
 */
public final class DataQualityResults {
  /** The table's columns, in order; {@code observed} is null when nothing could be measured. */
  public static final String COLUMNS_DDL =
      "run_id STRING NOT NULL, run_time TIMESTAMP NOT NULL, table_name STRING NOT NULL,"
          + " check_name STRING NOT NULL, observed DOUBLE, expectation STRING NOT NULL,"
          + " passed BOOLEAN NOT NULL, detail STRING NOT NULL";

  /** Partitioned by the day of the run: a dashboard reads the latest run, history stays cheap. */
  public static final String PARTITION_TRANSFORM = "days(run_time)";

  private DataQualityResults() {}
}
