package dev.catcafe.batch.maintenance;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.jobs.MaintenancePolicy;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the maintenance job does, validated.
 *
 * @param catalog the lake's catalog; table names without a namespace are looked up in its namespace
 * @param tables names of the tables to maintain ({@code table}, {@code namespace.table} or {@code
 *     catalog.namespace.table}); empty means every lake table that exists
 * @param steps the steps to run
 * @param minInputFiles a partition is compacted once it has at least this many small files
 * @param targetFileSizeBytes size of the compacted files; 0 keeps the table's {@code
 *     write.target-file-size-bytes}
 * @param closedPartitionsOnly compact only days before today (UTC), leaving the day ingestion is
 *     writing to alone; otherwise any partition over the file-count threshold is compacted
 * @param snapshotRetention snapshots older than this are expired; at least one day, so time travel
 *     over the last day always works
 * @param retainLastSnapshots this many newest snapshots are kept whatever their age
 * @param orphanFileAge only files older than this can be orphans; younger ones may belong to a
 *     write still in flight, so at least one hour
 */
public record MaintenanceConfig(
    CatalogSettings catalog,
    List<String> tables,
    Set<MaintenanceStep> steps,
    int minInputFiles,
    long targetFileSizeBytes,
    boolean closedPartitionsOnly,
    Duration snapshotRetention,
    int retainLastSnapshots,
    Duration orphanFileAge) {
  public static final Duration MIN_SNAPSHOT_RETENTION = Duration.ofDays(1);
  public static final Duration MIN_ORPHAN_FILE_AGE = Duration.ofHours(1);

  public MaintenanceConfig {
    requireNonNull(catalog, "catalog is null");
    tables = List.copyOf(requireNonNull(tables, "tables is null"));
    for (String table : tables) {
      if (!table.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*){0,2}")) {
        throw new IllegalArgumentException(
            "table '%s' is not table, namespace.table or catalog.namespace.table".formatted(table));
      }
    }
    requireNonNull(steps, "steps is null");
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("at least one maintenance step must run");
    }
    steps = Set.copyOf(EnumSet.copyOf(steps));
    if (minInputFiles < 2) {
      throw new IllegalArgumentException("minInputFiles must be at least 2, was " + minInputFiles);
    }
    if (targetFileSizeBytes < 0) {
      throw new IllegalArgumentException("targetFileSizeBytes must be >= 0");
    }
    requireNonNull(snapshotRetention, "snapshotRetention is null");
    if (snapshotRetention.compareTo(MIN_SNAPSHOT_RETENTION) < 0) {
      throw new IllegalArgumentException(
          "snapshot retention %s is shorter than %s: time travel over the last day must keep working"
              .formatted(snapshotRetention, MIN_SNAPSHOT_RETENTION));
    }
    if (retainLastSnapshots < 1) {
      throw new IllegalArgumentException("retainLastSnapshots must be at least 1");
    }
    requireNonNull(orphanFileAge, "orphanFileAge is null");
    if (orphanFileAge.compareTo(MIN_ORPHAN_FILE_AGE) < 0) {
      throw new IllegalArgumentException(
          "orphan file age %s is under %s: files of writes in flight would be deleted"
              .formatted(orphanFileAge, MIN_ORPHAN_FILE_AGE));
    }
  }

  /** Every step of {@code policy} on {@code tables} (empty: every lake table that exists). */
  public static MaintenanceConfig of(
      CatalogSettings catalog, List<String> tables, MaintenancePolicy policy) {
    requireNonNull(policy, "policy is null");
    return new MaintenanceConfig(
        catalog,
        tables,
        EnumSet.allOf(MaintenanceStep.class),
        policy.minInputFiles(),
        0,
        policy.closedPartitionsOnly(),
        policy.snapshotRetention(),
        policy.retainLastSnapshots(),
        policy.orphanFileAge());
  }

  /** The steps in the order they run. */
  public List<MaintenanceStep> orderedSteps() {
    return EnumSet.copyOf(steps).stream().toList();
  }

  /** {@code name} as Spark's {@code catalog.namespace.table}. */
  public String qualify(String name) {
    requireNonNull(name, "name is null");
    return switch ((int) name.chars().filter(c -> c == '.').count()) {
      case 0 -> catalog.qualifiedNamespace() + "." + name;
      case 1 -> catalog.name() + "." + name;
      default -> name;
    };
  }
}
