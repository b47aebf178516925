package dev.catcafe.batch.summary;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.iceberg.ContentFile;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.SnapshotChanges;
import org.apache.iceberg.Table;
import org.apache.iceberg.util.SnapshotUtil;

/**
 * The UTC days whose rows changed in a raw table between two of its snapshots, read from Iceberg's
 * metadata alone (no data file is opened): the day partitions of the data and delete files each
 * snapshot added or removed. Compactions ({@code replace}) keep the rows and are skipped. Only the
 * snapshots committed since the last run are read, so the cost follows the new commits, not the
 * table's age.
 */
final class RawChanges {
  /**
   * What changed: the days, or why they cannot be known (the run then rebuilds everything).
   *
   * @param days the changed days, when known
   * @param unknownBecause why not, when not
   */
  record Changes(Set<LocalDate> days, Optional<String> unknownBecause) {
    Changes {
      days = Set.copyOf(requireNonNull(days, "days is null"));
      requireNonNull(unknownBecause, "unknownBecause is null");
    }

    static Changes known(Set<LocalDate> days) {
      return new Changes(days, Optional.empty());
    }

    static Changes unknown(String reason) {
      return new Changes(Set.of(), Optional.of(reason));
    }
  }

  private RawChanges() {}

  /**
   * The days changed after snapshot {@code since} up to and including snapshot {@code until}.
   * {@code since} null means the table was empty then (every snapshot counts); {@code until} null
   * means it is empty now.
   */
  static Changes between(Table table, Long since, Long until, String eventTimeColumn) {
    requireNonNull(table, "table is null");
    requireNonNull(eventTimeColumn, "eventTimeColumn is null");
    if (until == null) {
      return since == null
          ? Changes.known(Set.of())
          : Changes.unknown("%s has no current snapshot any more".formatted(table.name()));
    }
    if (since != null && !SnapshotUtil.isAncestorOf(table, until, since)) {
      // Expired by maintenance, or the table was replaced: what came after is unknown.
      return Changes.unknown(
          "snapshot %d of %s is no longer in its history".formatted(since, table.name()));
    }
    // The current snapshot's ancestors only: a staged (write-audit-publish) snapshot that a crash
    // left unpublished is not in that line, and its rows are not the table's.
    Set<LocalDate> days = new TreeSet<>();
    for (Snapshot changed : SnapshotUtil.ancestorsBetween(table, until, since)) {
      if (DataOperations.REPLACE.equals(changed.operation())) {
        continue;
      }
      SnapshotChanges changes = SnapshotChanges.builderFor(table).snapshot(changed).build();
      List<ContentFile<?>> files = new ArrayList<>();
      changes.addedDataFiles().forEach(files::add);
      changes.removedDataFiles().forEach(files::add);
      changes.addedDeleteFiles().forEach(files::add);
      changes.removedDeleteFiles().forEach(files::add);
      for (ContentFile<?> file : files) {
        Optional<LocalDate> day = dayOf(table.specs().get(file.specId()), file, eventTimeColumn);
        if (day.isEmpty()) {
          return Changes.unknown(
              "%s has a file not partitioned by day(%s): %s"
                  .formatted(table.name(), eventTimeColumn, file.location()));
        }
        days.add(day.get());
      }
    }
    return Changes.known(days);
  }

  private static Optional<LocalDate> dayOf(
      PartitionSpec spec, ContentFile<?> file, String eventTimeColumn) {
    List<PartitionField> fields = spec.fields();
    for (int i = 0; i < fields.size(); i++) {
      PartitionField field = fields.get(i);
      String source = spec.schema().findColumnName(field.sourceId());
      if (eventTimeColumn.equals(source) && "day".equals(field.transform().toString())) {
        Integer epochDay = file.partition().get(i, Integer.class);
        return epochDay == null ? Optional.empty() : Optional.of(LocalDate.ofEpochDay(epochDay));
      }
    }
    return Optional.empty();
  }
}
