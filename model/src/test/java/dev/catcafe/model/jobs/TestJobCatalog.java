package dev.catcafe.model.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.cli.Durations;
import dev.catcafe.model.cli.LifecycleOptions;
import dev.catcafe.model.config.LifecycleSettings;
import dev.catcafe.model.config.PostgresBootstrap;
import dev.catcafe.model.config.PostgresRole;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class TestJobCatalog {
  @Test
  void everyNameIsUniqueAndFindsItsEntry() {
    List<String> names = JobCatalog.names();

    assertThat(names).doesNotHaveDuplicates();
    assertThat(names).hasSize(SparkJob.values().length + JvmApp.values().length);
    for (CatalogEntry entry : JobCatalog.entries()) {
      assertThat(JobCatalog.find(entry.jobName())).contains(entry);
    }
    assertThat(JobCatalog.find("no-such-job")).isEmpty();
  }

  @Test
  void namesAreKubernetesNames() {
    assertThat(JobCatalog.names()).allMatch(name -> name.matches("[a-z][a-z0-9-]*[a-z0-9]"));
  }

  @Test
  void theBatchSequenceIsSnapshotThenSummaryThenMaintenanceThenDataQuality() {
    assertThat(JobCatalog.batchSequence())
        .containsExactly(
            SparkJob.PROFILE_SNAPSHOT,
            SparkJob.DAILY_CAT_SUMMARY,
            SparkJob.TABLE_MAINTENANCE,
            SparkJob.DATA_QUALITY);
  }

  @Test
  void describesAnEntryAsDistributionMainClassRuntimeRestartStopGraceAndRoles() {
    assertThat(JobCatalog.describe(SparkJob.RAW_INGESTION))
        .isEqualTo(
            "streaming dev.catcafe.streaming.ingest.RawIngestionJob spark Always 10 30 3600 45"
                + " - cafe_iceberg catcafe-raw-ingestion -XX:+UseParallelGC"
                + " -XX:Tier4InvocationThreshold=50000 -XX:Tier4MinInvocationThreshold=6000"
                + " -XX:Tier4CompileThreshold=150000 -XX:Tier4BackEdgeThreshold=400000");
    assertThat(JobCatalog.describe(JvmApp.ALERT_UI))
        .isEqualTo(
            "alert-ui dev.catcafe.alertui.AlertUiServer jvm Always 10 30 3600 30 cafe_alert_ui -"
                + " catcafe-alert-ui -");
    assertThat(JobCatalog.describe(JvmApp.BATCH_SCHEDULER))
        .endsWith(" cafe_profile_reader cafe_iceberg - -");
    assertThat(JobCatalog.describe(JvmApp.TRINO_VIEWS))
        .isEqualTo("trino dev.catcafe.trino.TrinoViews jvm Never 0 0 0 30 - - - -");
    assertThat(RunnableModule.PLATFORM_LAUNCHER.distributionName()).isEqualTo("platform-launcher");
    assertThat(RunnableModule.PLATFORM_LAUNCHER.artifactId())
        .isEqualTo("catcafe-platform-launcher");
    assertThat(RunnableModule.SPARK_COMMON.artifactId()).isEqualTo("catcafe-spark-common");
  }

  @Test
  void aProgramReadsPostgresExactlyWhenItDeclaresARoleAndOnlyItsOwn() {
    for (CatalogEntry entry : JobCatalog.entries()) {
      assertThat(entry.settings().contains(SettingsGroup.POSTGRES))
          .as(entry.jobName())
          .isEqualTo(entry.postgresRole().isPresent());
      entry
          .postgresRole()
          .ifPresent(
              role ->
                  assertThat(role.database())
                      .as(entry.jobName())
                      .isEqualTo(PostgresBootstrap.CAFE_DATABASE));
    }
    assertThat(JvmApp.SIMULATOR_SEED.postgresRole()).contains(PostgresRole.SIMULATOR);
    assertThat(JvmApp.SIMULATOR_PRODUCER.postgresRole()).contains(PostgresRole.SIMULATOR);
    assertThat(JvmApp.ALERT_UI.postgresRole()).contains(PostgresRole.ALERT_UI);
    assertThat(SparkJob.PROFILE_SNAPSHOT.postgresRole()).contains(PostgresRole.PROFILE_READER);
    assertThat(JvmApp.CATALOG_BOOTSTRAP.catalogRole()).contains(PostgresRole.ICEBERG_CATALOG);
    assertThat(JvmApp.ALERT_UI.catalogRole()).isEmpty();
  }

  @Test
  void everythingMakeRunKeepsInTheBackgroundComesBackAndTheToolsDoNot() {
    for (CatalogEntry entry : JobCatalog.entries()) {
      boolean longRunning =
          entry instanceof SparkJob job
              ? job.kind() == JobKind.STREAMING
              : Set.of(
                      JvmApp.ALERT_UI,
                      JvmApp.SIMULATOR_PRODUCER,
                      JvmApp.BATCH_SCHEDULER,
                      JvmApp.HISTORY_SERVER)
                  .contains(entry);
      if (longRunning) {
        assertThat(entry.restart().policy()).as(entry.jobName()).isEqualTo(RestartPolicy.Always);
        assertThat(entry.restart().maxAttempts()).as(entry.jobName()).isPositive();
      } else if (entry instanceof JvmApp) {
        assertThat(entry.restart()).as(entry.jobName()).isEqualTo(Restart.never());
      }
    }
  }

  @Test
  void aStreamingJobMayTakeItsStopTimeoutAndTheExitMarginToStop() {
    LifecycleSettings defaults =
        new LifecycleSettings(
            Durations.parse(LifecycleOptions.DEFAULT_STOP_TIMEOUT),
            Durations.parse(LifecycleOptions.DEFAULT_STARTUP_TIMEOUT));

    assertThat(defaults).isEqualTo(LifecycleSettings.defaults());
    assertThat(defaults.stopTimeout()).isLessThanOrEqualTo(Duration.ofSeconds(30));
    for (SparkJob job : SparkJob.values()) {
      if (job.kind() == JobKind.STREAMING) {
        assertThat(job.stopGrace())
            .as(job.jobName())
            .isEqualTo(defaults.stopTimeout().plus(LifecycleSettings.EXIT_MARGIN));
      }
    }
  }

  @Test
  void restartPoliciesDecideOnTheExitStatusAndNeverRetryAUsageError() {
    assertThat(Restart.always(3).restartsAfter(0)).isTrue();
    assertThat(Restart.always(3).restartsAfter(1)).isTrue();
    assertThat(Restart.always(3).restartsAfter(137)).isTrue();
    assertThat(Restart.always(3).restartsAfter(2)).isFalse();
    assertThat(Restart.onFailure(2).restartsAfter(0)).isFalse();
    assertThat(Restart.onFailure(2).restartsAfter(1)).isTrue();
    assertThat(Restart.never().restartsAfter(1)).isFalse();
  }

  @Test
  void theClusterRunsTheScheduledMaintenancePolicy() {
    MaintenancePolicy policy = MaintenancePolicy.SCHEDULED;

    assertThat(SparkJob.TABLE_MAINTENANCE.arguments())
        .isEqualTo(policy.arguments())
        .containsExactly(
            "--closed-partitions-only",
            "--min-input-files=5",
            "--snapshot-retention=7d",
            "--retain-last=50",
            "--orphan-file-age=3d");
    assertThat(Durations.parse("7d")).isEqualTo(policy.snapshotRetention());
    assertThat(Durations.parse("3d")).isEqualTo(policy.orphanFileAge());
  }
}
