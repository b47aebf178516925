package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * The real-time Detective's state in its checkpoint's store: the {@link VisitorLikesTable} of each
 * input partition as it stood at the end of each batch, {@code <directory>/partition-<p>/<batch
 * id>.snapshot}. A batch starts from the snapshot of the latest batch before it, so a batch run
 * again after a restart or a failed task starts from exactly the state its input follows; a
 * snapshot is written whole under a temporary name and renamed, so a reader never sees half of one.
 *
 * <p>The directory is a Hadoop path: a local one, or {@code s3://} beside a checkpoint in the
 * lake's object store. Serializable, to be shipped to the tasks: the directory and the session's
 * file system settings ({@code fs.*}, the object store's endpoint and credentials among them), from
 * which a task builds its Hadoop configuration.
 */
final class VisitorLikesSnapshots implements Serializable {
  private static final long serialVersionUID = 2L;

  /** Snapshots kept per partition: the latest, and a few more for a batch run again. */
  static final int RETAINED = 5;

  private static final String SUFFIX = ".snapshot";

  private final String directory;
  private final HashMap<String, String> fileSystemSettings;

  /** Built once per deserialized copy (a task's), on first use. */
  private transient FileSystem fileSystem;

  /** Snapshots under {@code directory}, reached with the file system settings given. */
  VisitorLikesSnapshots(String directory, Map<String, String> fileSystemSettings) {
    this.directory = requireNonNull(directory, "directory is null");
    this.fileSystemSettings =
        new HashMap<>(requireNonNull(fileSystemSettings, "fileSystemSettings is null"));
  }

  /** Snapshots under {@code directory}, reached as {@code spark}'s own files are. */
  static VisitorLikesSnapshots of(SparkSession spark, String directory) {
    Map<String, String> settings = new HashMap<>();
    for (Map.Entry<String, String> setting :
        requireNonNull(spark, "spark is null").sparkContext().hadoopConfiguration()) {
      if (setting.getKey().startsWith("fs.")) {
        settings.put(setting.getKey(), setting.getValue());
      }
    }
    return new VisitorLikesSnapshots(directory, settings);
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
        new DataInputStream(new BufferedInputStream(fileSystem().open(file)))) {
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
      FileSystem fs = fileSystem();
      Path partial =
          new Path(file.getParent(), "." + batchId + "-" + UUID.randomUUID() + ".partial");
      try (DataOutputStream out =
          new DataOutputStream(new BufferedOutputStream(fs.create(partial, false)))) {
        table.writeTo(out);
      }
      // A batch run again replaces what its earlier attempt saved; no batch reads it meanwhile.
      fs.delete(file, false);
      if (!fs.rename(partial, file)) {
        throw new IOException("the rename of " + partial + " failed");
      }
      for (long old : batchIds(partition)) {
        if (old <= batchId - RETAINED) {
          fs.delete(snapshot(partition, old), false);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the Detective's state " + file, e);
    }
  }

  /** The batch ids that have a snapshot of {@code partition}. */
  List<Long> batchIds(int partition) {
    Path partitionDirectory = partitionDirectory(partition);
    FileStatus[] files;
    try {
      files = fileSystem().listStatus(partitionDirectory);
    } catch (FileNotFoundException e) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the Detective's state " + partitionDirectory, e);
    }
    return Arrays.stream(files)
        .map(file -> file.getPath().getName())
        .filter(name -> name.endsWith(SUFFIX) && !name.startsWith("."))
        .map(name -> Long.parseLong(name.substring(0, name.length() - SUFFIX.length())))
        .sorted()
        .toList();
  }

  private FileSystem fileSystem() throws IOException {
    if (fileSystem == null) {
      Configuration configuration = new Configuration();
      fileSystemSettings.forEach(configuration::set);
      fileSystem = new Path(directory).getFileSystem(configuration);
    }
    return fileSystem;
  }

  private Path snapshot(int partition, long batchId) {
    return new Path(partitionDirectory(partition), batchId + SUFFIX);
  }

  private Path partitionDirectory(int partition) {
    return new Path(directory, "partition-" + partition);
  }
}
