package dev.catcafe.model.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.cli.Durations;
import java.util.List;
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
  void theBatchSequenceIsSnapshotThenSummaryThenMaintenance() {
    assertThat(JobCatalog.batchSequence())
        .containsExactly(
            SparkJob.PROFILE_SNAPSHOT, SparkJob.DAILY_CAT_SUMMARY, SparkJob.TABLE_MAINTENANCE);
  }

  @Test
  void describesAnEntryAsDistributionMainClassAndRuntime() {
    assertThat(JobCatalog.describe(SparkJob.RAW_INGESTION))
        .isEqualTo("streaming dev.catcafe.streaming.ingest.RawIngestionJob spark");
    assertThat(JobCatalog.describe(JvmApp.ALERT_UI))
        .isEqualTo("alert-ui dev.catcafe.alertui.AlertUiServer jvm");
    assertThat(RunnableModule.PLATFORM_LAUNCHER.distributionName()).isEqualTo("platform-launcher");
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
