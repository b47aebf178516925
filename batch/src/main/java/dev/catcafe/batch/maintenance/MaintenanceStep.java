package dev.catcafe.batch.maintenance;

/** The maintenance steps, in the order they run on each table. */
public enum MaintenanceStep {
  /** Bin-pack small data files into files of the target size (compaction). */
  REWRITE_DATA_FILES,
  /** Regroup manifests so planning reads few, partition-clustered manifests. */
  REWRITE_MANIFESTS,
  /** Drop snapshots past the retention, and the files only they referenced. */
  EXPIRE_SNAPSHOTS,
  /** Delete files in the table location no snapshot references (failed or killed writes). */
  REMOVE_ORPHAN_FILES
}
