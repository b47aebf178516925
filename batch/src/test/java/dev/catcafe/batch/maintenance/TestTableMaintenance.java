package dev.catcafe.batch.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.spark.testing.BaseSparkTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

final class TestTableMaintenance extends BaseSparkTest {
  private static final String NAMESPACE = "maint";

  @Test
  void compactsManySmallCommitsIntoOneFilePerDayWithoutChangingTheRows() throws Exception {
    String table = createTableWithSmallCommits("compact_me", 8);
    List<Row> rowsBefore = spark.table(table).orderBy("id").collectAsList();

    TableReport report =
        maintain(
            table,
            Instant.now(),
            false,
            MaintenanceStep.REWRITE_DATA_FILES,
            MaintenanceStep.REWRITE_MANIFESTS);

    assertThat(report.dataFilesBefore()).isEqualTo(16);
    assertThat(report.rewrittenDataFiles()).isEqualTo(16);
    assertThat(report.dataFilesAfter()).isEqualTo(2);
    assertThat(report.addedManifests()).isPositive();
    assertThat(spark.table(table).orderBy("id").collectAsList()).isEqualTo(rowsBefore);
  }

  @Test
  void closedPartitionsOnlyLeavesTodayAlone() throws Exception {
    String table = createTableWithSmallCommits("closed_only", 6);
    Instant now = Instant.parse("2025-10-08T12:00:00Z");

    TableReport report = maintain(table, now, true, MaintenanceStep.REWRITE_DATA_FILES);

    // Each commit wrote one file for 2025-10-07 and one for 2025-10-08 ("today"): only the 7th is
    // compacted.
    assertThat(report.rewrittenDataFiles()).isEqualTo(6);
    assertThat(report.dataFilesAfter()).isEqualTo(7);
    assertThat(spark.table(table).count()).isEqualTo(12);
  }

  @Test
  void expiresOldSnapshotsButKeepsTheNewestAndRemovesOldOrphans() throws Exception {
    String table = createTableWithSmallCommits("expire_me", 5);
    Table iceberg = Spark3Util.loadIcebergTable(spark, table);
    Path dataDir = Path.of(java.net.URI.create(iceberg.location())).resolve("data");
    Path orphan = Files.writeString(dataDir.resolve("left-by-a-killed-writer.parquet"), "junk");
    Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minus(Duration.ofDays(4))));
    Path youngStray = Files.writeString(dataDir.resolve("still-being-written.parquet"), "junk");

    TableReport report =
        maintain(
            table,
            // "Now" is 3 days less an hour ahead: the orphan (4 days old) is past the 3-day orphan
            // age, the stray written a moment ago is not (its age is an hour short of it).
            Instant.now().plus(Duration.ofDays(3)).minus(Duration.ofHours(1)),
            false,
            MaintenanceStep.EXPIRE_SNAPSHOTS,
            MaintenanceStep.REMOVE_ORPHAN_FILES);

    // Snapshots are minutes old and "now" is 3 days later: with 7 days retention none expires...
    assertThat(report.expiredSnapshots()).isZero();
    TableReport later =
        maintain(
            table, Instant.now().plus(Duration.ofDays(8)), false, MaintenanceStep.EXPIRE_SNAPSHOTS);
    // ...8 days later all but the 3 newest go.
    assertThat(later.expiredSnapshots()).isEqualTo(2);
    iceberg.refresh();
    assertThat(iceberg.snapshots()).hasSize(3);
    assertThat(report.orphanFilesDeleted()).isEqualTo(1);
    assertThat(orphan).doesNotExist();
    assertThat(youngStray).exists();
    assertThat(spark.table(table).count()).isEqualTo(10);
  }

  /**
   * Runs {@code steps} on {@code table} at {@code now}: at least 2 small files to compact,
   * snapshots kept 7 days and at least the newest 3, orphans older than 3 days removed.
   */
  private static TableReport maintain(
      String table, Instant now, boolean closedOnly, MaintenanceStep... steps) {
    MaintenanceConfig config =
        new MaintenanceConfig(
            catalog(NAMESPACE),
            List.of(),
            EnumSet.copyOf(List.of(steps)),
            2,
            0,
            closedOnly,
            Duration.ofDays(7),
            3,
            Duration.ofDays(3));
    return TableMaintenance.maintain(spark, table, config, now);
  }

  /** A day-partitioned table with {@code commits} appends of two rows, one per day. */
  private static String createTableWithSmallCommits(String name, int commits) {
    String table = catalog(NAMESPACE).qualifiedNamespace() + "." + name;
    spark.sql("CREATE NAMESPACE IF NOT EXISTS " + catalog(NAMESPACE).qualifiedNamespace());
    spark.sql(
        "CREATE TABLE %s (id BIGINT, event_time TIMESTAMP, payload STRING) USING iceberg PARTITIONED BY (days(event_time))"
            .formatted(table));
    for (int commit = 0; commit < commits; commit++) {
      spark.sql(
          ("INSERT INTO %s VALUES (%d, TIMESTAMP '2025-10-07 10:00:00', 'a%d'),"
                  + " (%d, TIMESTAMP '2025-10-08 10:00:00', 'b%d')")
              .formatted(table, 2 * commit, commit, 2 * commit + 1, commit));
    }
    return table;
  }
}
