package dev.catcafe.model.jobs;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.cli.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How the lake's Iceberg tables are kept, declared once. {@link #SCHEDULED} is what the local batch
 * scheduler runs every cycle and what the cluster's {@code table-maintenance} CronJob passes to
 * {@code TableMaintenanceJob} ({@link #arguments()}), and the job's command-line defaults read
 * their values from it: every lake table (the ones the batch rewrites daily gain a snapshot per
 * run, which expiry must bound), every step, snapshots kept a week so time travel reaches a week
 * back.
 *
 * @param closedPartitionsOnly compact only days before today (UTC), leaving the day ingestion is
 *     writing to alone
 * @param minInputFiles a partition is compacted once it has at least this many small files
 * @param snapshotRetention snapshots older than this are expired
 * @param retainLastSnapshots this many newest snapshots are kept whatever their age
 * @param orphanFileAge only unreferenced files older than this are deleted
 */
public record MaintenancePolicy(
    boolean closedPartitionsOnly,
    int minInputFiles,
    Duration snapshotRetention,
    int retainLastSnapshots,
    Duration orphanFileAge) {
  // The scheduled policy's values as command-line text: TableMaintenanceJob's option defaults are
  // these constants (annotations take only constants), so each value is declared here only.
  public static final String SCHEDULED_MIN_INPUT_FILES = "5";
  public static final String SCHEDULED_SNAPSHOT_RETENTION = "7d";
  public static final String SCHEDULED_RETAIN_LAST = "50";
  public static final String SCHEDULED_ORPHAN_FILE_AGE = "3d";

  public static final MaintenancePolicy SCHEDULED =
      new MaintenancePolicy(
          true,
          Integer.parseInt(SCHEDULED_MIN_INPUT_FILES),
          Durations.parse(SCHEDULED_SNAPSHOT_RETENTION),
          Integer.parseInt(SCHEDULED_RETAIN_LAST),
          Durations.parse(SCHEDULED_ORPHAN_FILE_AGE));

  public MaintenancePolicy {
    if (minInputFiles < 2) {
      throw new IllegalArgumentException("minInputFiles must be at least 2, was " + minInputFiles);
    }
    requireNonNull(snapshotRetention, "snapshotRetention is null");
    if (retainLastSnapshots < 1) {
      throw new IllegalArgumentException("retainLastSnapshots must be at least 1");
    }
    requireNonNull(orphanFileAge, "orphanFileAge is null");
  }

  /**
   * The table-maintenance command line that runs this policy. It names no table: the job then
   * maintains every lake table that exists.
   */
  public List<String> arguments() {
    List<String> arguments = new ArrayList<>();
    if (closedPartitionsOnly) {
      arguments.add("--closed-partitions-only");
    }
    arguments.add("--min-input-files=" + minInputFiles);
    arguments.add("--snapshot-retention=" + shortForm(snapshotRetention));
    arguments.add("--retain-last=" + retainLastSnapshots);
    arguments.add("--orphan-file-age=" + shortForm(orphanFileAge));
    return List.copyOf(arguments);
  }

  /** {@code 7d}, {@code 3h}, {@code 90m}: the forms {@code Durations} reads back. */
  private static String shortForm(Duration duration) {
    if (duration.toDaysPart() > 0 && duration.equals(Duration.ofDays(duration.toDays()))) {
      return duration.toDays() + "d";
    }
    if (duration.equals(Duration.ofHours(duration.toHours()))) {
      return duration.toHours() + "h";
    }
    if (duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
      return duration.toMinutes() + "m";
    }
    return duration.toString();
  }
}
