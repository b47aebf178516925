package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catcafe.batch.maintenance.MaintenanceConfig;
import dev.catcafe.batch.maintenance.MaintenanceStep;
import dev.catcafe.batch.maintenance.TableMaintenanceJob;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.jobs.MaintenancePolicy;
import dev.catcafe.model.jobs.SparkJob;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The cluster's maintenance run, read back from the committed manifest and parsed by the job's own
 * command line, is the scheduled policy the local scheduler runs: every lake table (the profile
 * snapshots and the daily summary included) has its snapshots expired.
 */
final class TestClusterMaintenance {
  @Test
  void theCronJobExpiresTheSnapshotsOfEveryLakeTableUnderTheScheduledPolicy() {
    TableMaintenanceJob job = new TableMaintenanceJob();
    new CommandLine(job).parseArgs(committedDriverArgs().toArray(String[]::new));

    MaintenanceConfig config = job.config();

    assertThat(config)
        .isEqualTo(MaintenanceConfig.of(config.catalog(), List.of(), MaintenancePolicy.SCHEDULED));
    assertThat(config.steps()).contains(MaintenanceStep.EXPIRE_SNAPSHOTS);
    assertThat(TableMaintenanceJob.candidateTables(config))
        .containsExactlyElementsOf(
            Arrays.stream(LakeTable.values())
                .map(table -> table.qualifiedName(config.catalog()))
                .toList())
        .contains(
            LakeTable.CATS_PROFILES_RAW.qualifiedName(config.catalog()),
            LakeTable.DAILY_CAT_SUMMARY.qualifiedName(config.catalog()));
  }

  private static List<String> committedDriverArgs() {
    List<JsonNode> applications =
        ManifestDocument.all().stream()
            .filter(document -> document.kind().equals(SparkApplications.KIND))
            .map(ManifestDocument::tree)
            .filter(
                tree ->
                    tree.path("spec")
                        .path("mainClass")
                        .asText()
                        .equals(SparkJob.TABLE_MAINTENANCE.mainClass()))
            .toList();
    assertThat(applications).as("one SparkApplication runs the maintenance").hasSize(1);
    List<String> arguments = new ArrayList<>();
    applications
        .get(0)
        .path("spec")
        .path("driverArgs")
        .forEach(node -> arguments.add(node.asText()));
    return arguments;
  }
}
