package dev.catcafe.spark;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Creates the event-log directory before Spark starts, which refuses to start when it is missing:
 * on the local file system directly, elsewhere ({@code s3://} in the lake's store) through the
 * Hadoop file system Spark will write it with, configured by the session's {@code spark.hadoop.*}
 * settings.
 */
public final class EventLogDirectories {
  private static final String HADOOP_PREFIX = "spark.hadoop.";

  private EventLogDirectories() {}

  public static void create(String location, Map<String, String> sparkConf) {
    requireNonNull(location, "location is null");
    requireNonNull(sparkConf, "sparkConf is null");
    if (LocalDirectories.createIfLocal(location) != null) {
      return;
    }
    Configuration hadoop = new Configuration();
    sparkConf.forEach(
        (key, value) -> {
          if (key.startsWith(HADOOP_PREFIX)) {
            hadoop.set(key.substring(HADOOP_PREFIX.length()), value);
          }
        });
    try {
      FileSystem files = FileSystem.get(URI.create(location), hadoop);
      files.mkdirs(new Path(location));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the event-log directory " + location, e);
    }
  }
}
