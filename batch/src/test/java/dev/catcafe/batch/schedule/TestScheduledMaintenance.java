package dev.catcafe.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.batch.maintenance.MaintenanceConfig;
import dev.catcafe.batch.maintenance.TableMaintenanceJob;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.model.jobs.MaintenancePolicy;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scheduler's maintenance step is the one policy, over every lake table. */
final class TestScheduledMaintenance {
  private static final CatalogSettings CATALOG =
      new CatalogSettings(
          "lakehouse", CatalogType.JDBC, "jdbc:x", "", "", "file:///w", "cafe", Optional.empty());

  @Test
  void runsTheScheduledPolicyOverEveryLakeTable() {
    MaintenanceConfig config = ScheduledMaintenance.config(CATALOG);

    assertThat(config)
        .isEqualTo(MaintenanceConfig.of(CATALOG, List.of(), MaintenancePolicy.SCHEDULED));
    assertThat(config.closedPartitionsOnly()).isTrue();
    assertThat(TableMaintenanceJob.candidateTables(config))
        .containsExactlyElementsOf(
            Arrays.stream(LakeTable.values()).map(table -> table.qualifiedName(CATALOG)).toList());
  }

  @Test
  void theJobGivenThePolicysArgumentsRunsWhatTheSchedulerRuns() {
    TableMaintenanceJob job = new TableMaintenanceJob();
    new picocli.CommandLine(job)
        .parseArgs(MaintenancePolicy.SCHEDULED.arguments().toArray(String[]::new));

    MaintenanceConfig config = job.config();

    assertThat(config)
        .isEqualTo(MaintenanceConfig.of(config.catalog(), List.of(), MaintenancePolicy.SCHEDULED));
  }
}
