package dev.catcafe.batch.snapshot;

import static java.util.Objects.requireNonNull;

import dev.catcafe.batch.LakeBatchOptions;
import dev.catcafe.batch.schedule.RunLog;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.OperationalSchema;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.cli.PostgresOptions;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.spark.JobGroups;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Copies the operational {@code cats} and {@code visitors} tables into the lake's {@code
 * cats_profiles_raw} and {@code visitors_profiles_raw}, each replaced atomically: one Iceberg
 * snapshot per run, so the profiles as of any past run are a time-travel query.
 *
 * <pre>
 * bin/run batch dev.catcafe.batch.snapshot.ProfileSnapshotJob
 * </pre>
 */
@Command(
    name = "profile-snapshot",
    description = "Replaces the lake's cat and visitor profile tables with PostgreSQL's.")
public final class ProfileSnapshotJob implements Callable<Integer> {
  /** The Spark UI's job group of the snapshot's jobs. */
  public static final String JOB_GROUP = "profile-snapshot";

  @Mixin LakeBatchOptions lakeBatchOptions;
  @Mixin private PostgresOptions postgresOptions;

  public static void main(String[] args) {
    Commands.run(new ProfileSnapshotJob(), args);
  }

  @Override
  public Integer call() {
    CatalogSettings catalog = lakeBatchOptions.catalog();
    PostgresSettings postgres = postgresOptions.settings();
    return lakeBatchOptions.inSession(
        "profile-snapshot",
        catalog,
        spark -> {
          RunLog.info(run(spark, catalog, postgres).toString());
          return 0;
        });
  }

  /** Replaces both profile tables; each is its own atomic commit. */
  public static ProfileSnapshotResult run(
      SparkSession spark, CatalogSettings catalog, PostgresSettings postgres) {
    requireNonNull(spark, "spark is null");
    requireNonNull(catalog, "catalog is null");
    requireNonNull(postgres, "postgres is null");
    long started = System.nanoTime();
    spark.sql("CREATE NAMESPACE IF NOT EXISTS " + catalog.qualifiedNamespace());
    PostgresProfileSource source = new PostgresProfileSource(spark, postgres);
    ProfileSnapshotSink sink = new ProfileSnapshotSink(spark, catalog);
    ProfileSnapshotSink.TableSnapshot cats =
        copy(
            spark,
            source,
            OperationalSchema.CATS_TABLE,
            OperationalSchema.CATS_COLUMNS,
            sink,
            LakeTable.CATS_PROFILES_RAW);
    ProfileSnapshotSink.TableSnapshot visitors =
        copy(
            spark,
            source,
            OperationalSchema.VISITORS_TABLE,
            OperationalSchema.VISITORS_COLUMNS,
            sink,
            LakeTable.VISITORS_PROFILES_RAW);
    return new ProfileSnapshotResult(cats, visitors, Duration.ofNanos(System.nanoTime() - started));
  }

  /** Replaces {@code lakeTable} with {@code columns} of the operational {@code table}: one job. */
  private static ProfileSnapshotSink.TableSnapshot copy(
      SparkSession spark,
      PostgresProfileSource source,
      String table,
      List<String> columns,
      ProfileSnapshotSink sink,
      LakeTable lakeTable) {
    return JobGroups.run(
        spark,
        JOB_GROUP,
        "profile snapshot: " + lakeTable.tableName(),
        () -> sink.replace(lakeTable, source.read(table, columns)));
  }
}
