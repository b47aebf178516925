package dev.catcafe.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.batch.maintenance.MaintenanceConfig;
import dev.catcafe.batch.maintenance.MaintenanceStep;
import dev.catcafe.batch.maintenance.TableMaintenanceJob;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Records the default of every option the batch commands declare themselves (the shared mixins'
 * options are recorded by the model's and spark-common's tests), in the manner of Trino's {@code
 * assertRecordedDefaults}: adding, renaming or changing the default of an option without recording
 * it here fails. And every option reaches the typed config ({@code assertFullMapping}).
 */
final class TestBatchCommandDefaults {
  private static final String NO_DEFAULT = "<no default>";

  @Test
  void tableMaintenanceRecordsEveryDefaultOfMaintenanceConfig() {
    assertThat(ownOptionDefaults(new TableMaintenanceJob()))
        .isEqualTo(
            new TreeMap<>(
                Map.of(
                    "--table", NO_DEFAULT,
                    "--step", NO_DEFAULT,
                    "--min-input-files", "5",
                    "--target-file-size-bytes", "0",
                    "--closed-partitions-only", NO_DEFAULT,
                    "--snapshot-retention", "7d",
                    "--retain-last", "50",
                    "--orphan-file-age", "3d")));
  }

  @Test
  void tableMaintenanceMapsEveryOptionToMaintenanceConfig() {
    TableMaintenanceJob job = new TableMaintenanceJob();
    new CommandLine(job)
        .parseArgs(
            "--table=cat_wellness_raw",
            "--step=EXPIRE_SNAPSHOTS",
            "--min-input-files=9",
            "--target-file-size-bytes=1024",
            "--closed-partitions-only",
            "--snapshot-retention=2d",
            "--retain-last=7",
            "--orphan-file-age=5h");

    MaintenanceConfig config = job.config();

    assertThat(config)
        .isEqualTo(
            new MaintenanceConfig(
                config.catalog(),
                List.of("cat_wellness_raw"),
                EnumSet.of(MaintenanceStep.EXPIRE_SNAPSHOTS),
                9,
                1024,
                true,
                Duration.ofDays(2),
                7,
                Duration.ofHours(5)));
  }

  @Test
  void batchSchedulerRecordsEveryDefaultOfScheduleSettings() {
    assertThat(ownOptionDefaults(new dev.catcafe.batch.schedule.BatchScheduler()))
        .isEqualTo(
            new TreeMap<>(Map.of("--interval", "${env:BATCH_INTERVAL:-1h}", "--once", NO_DEFAULT)));
  }

  /**
   * Each option declared by the command's own class, by its longest name, with its default as
   * declared ({@code ${env:…}} not resolved, so the machine's environment does not matter).
   */
  private static Map<String, String> ownOptionDefaults(Object command) {
    Map<String, String> defaults = new TreeMap<>();
    CommandLine commandLine = new CommandLine(command).setInterpolateVariables(false);
    for (OptionSpec option : commandLine.getCommandSpec().options()) {
      if (option.userObject() instanceof Field field
          && field.getDeclaringClass() == command.getClass()) {
        defaults.put(
            option.longestName(),
            option.defaultValue() == null ? NO_DEFAULT : option.defaultValue());
      }
    }
    return defaults;
  }
}
