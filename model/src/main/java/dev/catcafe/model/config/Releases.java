package dev.catcafe.model.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The releases the lakehouse pins, as the root pom declares them ({@code trino.server.version},
 * {@code spark.version}, {@code scala.binary.version}), written into this module's {@code
 * releases.properties} by the build: what runs them (the local Trino server and CLI, the cluster's
 * Helm values and SparkApplications) takes them from here, and tests hold the images and the
 * notebooks' PySpark to them.
 */
public final class Releases {
  private static final Properties PROPERTIES = load();

  /** The Trino release, e.g. {@code 476}. */
  public static final String TRINO = version("trino", "\\d+");

  /** The Spark release, e.g. {@code 4.1.3}. */
  public static final String SPARK = version("spark", "\\d+\\.\\d+\\.\\d+");

  /** The Scala binary version Spark is built for, e.g. {@code 2.13}. */
  public static final String SCALA_BINARY = version("scala.binary", "\\d+\\.\\d+");

  private Releases() {}

  private static Properties load() {
    try (InputStream in = Releases.class.getResourceAsStream("releases.properties")) {
      if (in == null) {
        throw new IllegalStateException("releases.properties is missing from the model jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String version(String key, String shape) {
    String version = PROPERTIES.getProperty(key, "");
    if (!Pattern.matches(shape, version)) {
      throw new IllegalStateException(
          "releases.properties has %s '%s': the build did not filter it".formatted(key, version));
    }
    return version;
  }
}
