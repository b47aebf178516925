package dev.catcafe.model.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The Trino release the lakehouse runs: the root pom's {@code trino.server.version}, written into
 * this module's {@code trino.properties} by the build. The local server, its CLI and the cluster's
 * Helm values all take it from here.
 */
public final class TrinoRelease {
  /** E.g. {@code 476}. */
  public static final String VERSION = load();

  private TrinoRelease() {}

  private static String load() {
    try (InputStream in = TrinoRelease.class.getResourceAsStream("trino.properties")) {
      if (in == null) {
        throw new IllegalStateException("trino.properties is missing from the model jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version", "");
      if (!version.matches("\\d+")) {
        throw new IllegalStateException(
            "trino.properties has version '%s': the build did not filter it".formatted(version));
      }
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
