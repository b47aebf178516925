package dev.catcafe.batch.snapshot;

import static java.util.Objects.requireNonNull;

import dev.catcafe.batch.schedule.RunLog;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.OperationalSchema;
import dev.catcafe.model.cli.CatalogOptions;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.cli.EventLogOption;
import dev.catcafe.model.cli.PostgresOptions;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.spark.JobGroups;
import dev.catcafe.spark.SessionSettings;
import dev.catcafe.spark.SparkMasterOption;
import dev.catcafe.spark.SparkSessions;
import java.time.Duration;
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

  @Mixin private CatalogOptions catalogOptions;
  @Mixin private SparkMasterOption sparkMaster;
  @Mixin EventLogOption eventLog;
  @Mixin private PostgresOptions postgresOptions;

  public static void main(String[] args) {
    Commands.run(new ProfileSnapshotJob(), args);
  }

  @Override
  public Integer call() {
    CatalogSettings catalog = catalogOptions.settings();
    PostgresSettings postgres = postgresOptions.settings();
    SparkSession spark =
        SparkSessions.create(
            SessionSettings.lakeBatch("profile-snapshot", sparkMaster.master(), catalog)
                .eventLog(eventLog.settings())
                .build());
    try {
      RunLog.info(run(spark, catalog, postgres).toString());
      return 0;
    } finally {
      spark.stop();
    }
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
        JobGroups.run(
            spark,
            JOB_GROUP,
            "profile snapshot: " + LakeTable.CATS_PROFILES_RAW.tableName(),
            () ->
                sink.replace(
                    LakeTable.CATS_PROFILES_RAW,
                    source.read(OperationalSchema.CATS_TABLE, OperationalSchema.CATS_COLUMNS)));
    ProfileSnapshotSink.TableSnapshot visitors =
        JobGroups.run(
            spark,
            JOB_GROUP,
            "profile snapshot: " + LakeTable.VISITORS_PROFILES_RAW.tableName(),
            () ->
                sink.replace(
                    LakeTable.VISITORS_PROFILES_RAW,
                    source.read(
                        OperationalSchema.VISITORS_TABLE, OperationalSchema.VISITORS_COLUMNS)));
    return new ProfileSnapshotResult(cats, visitors, Duration.ofNanos(System.nanoTime() - started));
  }
}
