package dev.catcafe.batch.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class TestMaintenanceConfig {
  private static final CatalogSettings CATALOG =
      new CatalogSettings(
          "lakehouse", CatalogType.JDBC, "jdbc:x", "", "", "file:///w", "cafe", Optional.empty());

  @Test
  void defaultsFromTheCommandLine() {
    TableMaintenanceJob job = new TableMaintenanceJob();
    new picocli.CommandLine(job).parseArgs();

    MaintenanceConfig config = job.config();

    assertThat(config.snapshotRetention()).isEqualTo(Duration.ofDays(7));
    assertThat(config.orphanFileAge()).isEqualTo(Duration.ofDays(3));
    assertThat(config.minInputFiles()).isEqualTo(5);
    assertThat(config.retainLastSnapshots()).isEqualTo(50);
    assertThat(config.closedPartitionsOnly()).isFalse();
    assertThat(config.orderedSteps()).containsExactly(MaintenanceStep.values());
    assertThat(config.tables()).isEmpty();
  }

  @Test
  void qualifiesTableNamesInTheLakesNamespace() {
    MaintenanceConfig config = config(Duration.ofDays(7), Duration.ofDays(3));

    assertThat(config.qualify("cat_wellness_raw")).isEqualTo("lakehouse.cafe.cat_wellness_raw");
    assertThat(config.qualify("other.t")).isEqualTo("lakehouse.other.t");
    assertThat(config.qualify("cat.ns.t")).isEqualTo("cat.ns.t");
  }

  @Test
  void refusesRetentionThatWouldBreakTimeTravelOverTheLastDayOrDeleteFilesInFlight() {
    assertThatThrownBy(() -> config(Duration.ofHours(23), Duration.ofDays(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("last day");
    assertThatThrownBy(() -> config(Duration.ofDays(7), Duration.ofMinutes(10)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("in flight");
  }

  @Test
  void aBadArgumentIsAUsageError() {
    assertThat(Commands.execute(new TableMaintenanceJob(), "--snapshot-retention", "2h"))
        .isEqualTo(Commands.USAGE_ERROR);
    assertThat(Commands.execute(new TableMaintenanceJob(), "--orphan-file-age", "soon"))
        .isEqualTo(Commands.USAGE_ERROR);
  }

  private static MaintenanceConfig config(Duration retention, Duration orphanAge) {
    return new MaintenanceConfig(
        CATALOG,
        List.of(),
        EnumSet.allOf(MaintenanceStep.class),
        5,
        0,
        false,
        retention,
        50,
        orphanAge);
  }
}
