package dev.catcafe.batch.snapshot;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.PostgresSettings;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/** Reads a whole operational table ({@code cats}, {@code visitors}) over Spark's JDBC source. */
public final class PostgresProfileSource {
  private final SparkSession spark;
  private final PostgresSettings postgres;

  public PostgresProfileSource(SparkSession spark, PostgresSettings postgres) {
    this.spark = requireNonNull(spark, "spark is null");
    this.postgres = requireNonNull(postgres, "postgres is null");
  }

  /** The rows of {@code table}, with exactly {@code columns} in that order. */
  public Dataset<Row> read(String table, List<String> columns) {
    requireNonNull(table, "table is null");
    requireNonNull(columns, "columns is null");
    return spark
        .read()
        .format("jdbc")
        .option("url", postgres.jdbcUrl())
        .option("driver", "org.postgresql.Driver")
        .option("user", postgres.user())
        .option("password", postgres.password())
        .option("dbtable", table)
        .load()
        .select(columns.stream().map(functions::col).toArray(Column[]::new));
  }
}
