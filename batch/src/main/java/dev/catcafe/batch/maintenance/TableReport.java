package dev.catcafe.batch.maintenance;

import static java.util.Objects.requireNonNull;

/**
 * What maintenance did to one table. Counts of a step that did not run are zero.
 *
 * @param table the qualified table name
 * @param dataFilesBefore live data files before maintenance
 * @param dataFilesAfter live data files after maintenance
 */
public record TableReport(
    String table,
    long dataFilesBefore,
    long dataFilesAfter,
    int rewrittenDataFiles,
    int addedDataFiles,
    long rewrittenBytes,
    int failedDataFiles,
    int rewrittenManifests,
    int addedManifests,
    int expiredSnapshots,
    long deletedDataFiles,
    long deletedManifestFiles,
    long orphanFilesDeleted) {
  public TableReport {
    requireNonNull(table, "table is null");
  }

  @Override
  public String toString() {
    return ("%s: data files %d -> %d (compacted %d files, %d bytes, into %d; %d failed), manifests"
            + " %d -> %d, expired %d snapshots (deleted %d data files, %d manifests), %d orphan"
            + " files deleted")
        .formatted(
            table,
            dataFilesBefore,
            dataFilesAfter,
            rewrittenDataFiles,
            rewrittenBytes,
            addedDataFiles,
            failedDataFiles,
            rewrittenManifests,
            addedManifests,
            expiredSnapshots,
            deletedDataFiles,
            deletedManifestFiles,
            orphanFilesDeleted);
  }
}
