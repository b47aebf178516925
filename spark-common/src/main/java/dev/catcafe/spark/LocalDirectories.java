package dev.catcafe.spark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creates a directory named by a Spark path when it lies on the local file system. */
public final class LocalDirectories {
  private LocalDirectories() {}

  /**
   * Creates {@code location} ({@code file:} URI or absolute path) with its parents if missing; a
   * remote location ({@code s3a://}, {@code hdfs://}) is left to its file system.
   *
   * @return the local directory, or null for a remote location
   */
  public static Path createIfLocal(String location) {
    requireNonNull(location, "location is null");
    Path directory;
    if (location.startsWith("/")) {
      directory = Path.of(location);
    } else if (location.startsWith("file:")) {
      directory = Path.of(URI.create(location));
    } else {
      return null;
    }
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory " + location, e);
    }
  }
}
