package dev.catcafe.spark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Recognises a failure that a full disk caused, and says which of a job's local paths is full, so
 * the job can stop with the path and the reason instead of a stack trace that blames its
 * checkpoint. Nothing is half-committed by it: a batch writes its offsets before its data and its
 * Iceberg commit is atomic, so the restart resumes from the last complete batch.
 */
public final class FullDisk {
  /** What the operating system says for ENOSPC, in every JDK and Hadoop message. */
  static final String NO_SPACE = "No space left on device";

  /** Less than this free counts as full: the writer failed at its last block, not at zero. */
  private static final long NEARLY_FULL_BYTES = 1024 * 1024;

  private FullDisk() {}

  /** Whether {@code failure} or one of its causes is the operating system's ENOSPC. */
  public static boolean caused(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (String.valueOf(cause.getMessage()).contains(NO_SPACE)) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  /**
   * The message for a job that stopped on a full disk: the {@code locations} (paths or {@code
   * file:} URIs, e.g. its checkpoint and warehouse) that are full now, or all of them if none can
   * be told apart (not local, or freed meanwhile).
   */
  public static String explain(String job, List<String> locations) {
    requireNonNull(job, "job is null");
    List<String> full = new ArrayList<>();
    for (String location : requireNonNull(locations, "locations is null")) {
      if (isNearlyFull(location)) {
        full.add(location);
      }
    }
    List<String> named = full.isEmpty() ? locations : full;
    return ("%s stopped: %s writing to %s. Free space there and start it again: the batch in"
            + " progress was not committed, and the restart resumes from the last complete batch"
            + " (nothing is lost or written twice)")
        .formatted(job, NO_SPACE, String.join(" or ", named));
  }

  private static boolean isNearlyFull(String location) {
    try {
      Path path = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
      while (path != null && !Files.exists(path)) {
        path = path.getParent();
      }
      return path != null && Files.getFileStore(path).getUsableSpace() < NEARLY_FULL_BYTES;
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
      return false; // not a local path (s3://, hdfs://): it cannot be looked at from here
    }
  }
}
