package dev.catcafe.bench.soak;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A streaming job the soak watches: its checkpoints (for its lag and its state on disk) and its JVM
 * (for its memory).
 *
 * @param name the job's name in the job catalog
 * @param checkpoints the checkpoint directories of its queries, looked up at each sample
 * @param javaPid its JVM's pid at the moment of the sample, if it runs
 */
public record WatchedJob(
    String name, Supplier<List<Path>> checkpoints, Supplier<OptionalLong> javaPid) {
  public WatchedJob {
    requireNonNull(name, "name is null");
    requireNonNull(checkpoints, "checkpoints is null");
    requireNonNull(javaPid, "javaPid is null");
  }

  /**
   * Streaming job {@code name}: its checkpoints looked up under {@code checkpointRoot} at each
   * sample, as the jobs lay them out by default; its JVM's pid from {@code javaPid}.
   */
  public static WatchedJob streamingJob(
      Path checkpointRoot, String name, Supplier<OptionalLong> javaPid) {
    return new WatchedJob(name, checkpointsUnder(checkpointRoot, name), javaPid);
  }

  /**
   * The checkpoints of job {@code name} under {@code root}, as the jobs lay them out by default:
   * the newest directory whose name starts with the job's ({@code wellness-guardian-realtime}),
   * that directory itself if it is a query's checkpoint, else each of its subdirectories that is
   * one (the ingestion's one query per topic).
   */
  private static Supplier<List<Path>> checkpointsUnder(Path root, String name) {
    requireNonNull(root, "root is null");
    requireNonNull(name, "name is null");
    return () -> {
      Path newest = newestStartingWith(root, name);
      if (newest == null) {
        return List.of();
      }
      if (isQueryCheckpoint(newest)) {
        return List.of(newest);
      }
      return children(newest).filter(WatchedJob::isQueryCheckpoint).toList();
    };
  }

  private static Path newestStartingWith(Path root, String name) {
    if (!Files.isDirectory(root)) {
      return null;
    }
    return children(root)
        .filter(path -> path.getFileName().toString().startsWith(name))
        .max(Comparator.comparing(WatchedJob::lastModified))
        .orElse(null);
  }

  private static boolean isQueryCheckpoint(Path directory) {
    return Files.isDirectory(directory.resolve("offsets"));
  }

  private static Stream<Path> children(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.filter(Files::isDirectory).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  private static long lastModified(Path path) {
    Path offsets = path.resolve("offsets");
    try {
      return Files.getLastModifiedTime(Files.isDirectory(offsets) ? offsets : path).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }
}
