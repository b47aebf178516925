package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The real-time Detective's state on disk: the {@link VisitorLikesTable} of each input partition as
 * it stood at the end of each batch, {@code <directory>/partition-<p>/<batch id>.snapshot}. A batch
 * starts from the snapshot of the latest batch before it, so a batch run again after a restart or a
 * failed task starts from exactly the state its input follows; a snapshot is written whole to a
 * temporary file and renamed, so a reader never sees half of one.
 *
 * <p>Serializable: it is only a directory name, shipped to the tasks.
 */
final class VisitorLikesSnapshots implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Snapshots kept per partition: the latest, and a few more for a batch run again. */
  static final int RETAINED = 5;

  private static final String SUFFIX = ".snapshot";

  private final String directory;

  /** Snapshots under {@code directory}, a local path (created when the first one is written). */
  VisitorLikesSnapshots(Path directory) {
    this.directory = requireNonNull(directory, "directory is null").toString();
  }

  /** The table of {@code partition} as the latest batch before {@code batchId} left it. */
  VisitorLikesTable loadBefore(int partition, long batchId, AdopterDetectiveRules rules) {
    requireNonNull(rules, "rules is null");
    OptionalLong previous =
        batchIds(partition).stream().mapToLong(Long::longValue).filter(id -> id < batchId).max();
    if (previous.isEmpty()) {
      return new VisitorLikesTable(rules);
    }
    Path file = snapshot(partition, previous.getAsLong());
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      return VisitorLikesTable.readFrom(in, rules);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the Detective's state " + file, e);
    }
  }

  /** Writes {@code table} as {@code partition}'s state at the end of {@code batchId}. */
  void save(int partition, long batchId, VisitorLikesTable table) {
    requireNonNull(table, "table is null");
    Path file = snapshot(partition, batchId);
    try {
      Files.createDirectories(file.getParent());
      Path partial = Files.createTempFile(file.getParent(), "." + batchId, ".partial");
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
        table.writeTo(out);
      }
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
      for (long old : batchIds(partition)) {
        if (old <= batchId - RETAINED) {
          Files.deleteIfExists(snapshot(partition, old));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Detective's state " + file, e);
    }
  }

  /** The batch ids that have a snapshot of {@code partition}. */
  List<Long> batchIds(int partition) {
    Path partitionDirectory = partitionDirectory(partition);
    if (!Files.isDirectory(partitionDirectory)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(partitionDirectory)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(SUFFIX) && !name.startsWith("."))
          .map(name -> Long.parseLong(name.substring(0, name.length() - SUFFIX.length())))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the Detective's state " + partitionDirectory, e);
    }
  }

  private Path snapshot(int partition, long batchId) {
    return partitionDirectory(partition).resolve(batchId + SUFFIX);
  }

  private Path partitionDirectory(int partition) {
    return Path.of(directory, "partition-" + partition);
  }
}
