package dev.catcafe.platform;

import dev.catcafe.model.config.Releases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/** Finds a JDK new enough for Trino (which needs Java 24+ while Spark stays on 17). */
public final class JavaRuntimes {
  public static final int TRINO_MINIMUM_JAVA = 24;

  private JavaRuntimes() {}

  /**
   * {@code TRINO_JAVA_HOME} if set, else the newest JDK ≥ 24 under {@code jvmRoot}; fails with what
   * to install when there is none.
   */
  public static Path forTrino(Map<String, String> env, Path jvmRoot) {
    String configured = env.get("TRINO_JAVA_HOME");
    if (configured != null && !configured.isBlank()) {
      Path home = Path.of(configured);
      int version = majorVersion(home).orElse(0);
      if (version < TRINO_MINIMUM_JAVA) {
        throw new PlatformException(
            "TRINO_JAVA_HOME=%s is not a JDK %d or newer (found %s)."
                .formatted(configured, TRINO_MINIMUM_JAVA, version == 0 ? "none" : version));
      }
      return home;
    }
    try (Stream<Path> homes = Files.isDirectory(jvmRoot) ? Files.list(jvmRoot) : Stream.empty()) {
      return homes
          .filter(home -> majorVersion(home).orElse(0) >= TRINO_MINIMUM_JAVA)
          .max(Comparator.comparing(home -> majorVersion(home).orElse(0)))
          .orElseThrow(
              () ->
                  new PlatformException(
                      ("Trino %s needs Java %d or newer, and there is none under %s."
                              + " Install one (e.g. a Temurin 25 JDK) or set TRINO_JAVA_HOME.")
                          .formatted(Releases.TRINO, TRINO_MINIMUM_JAVA, jvmRoot)));
    } catch (IOException e) {
      throw new PlatformException("cannot list " + jvmRoot + ": " + e.getMessage(), e);
    }
  }

  /** The major version a JDK's {@code release} file declares. */
  static Optional<Integer> majorVersion(Path javaHome) {
    Path release = javaHome.resolve("release");
    if (!Files.isRegularFile(release) || !Files.isExecutable(javaHome.resolve("bin/java"))) {
      return Optional.empty();
    }
    try (var reader = Files.newBufferedReader(release)) {
      Properties properties = new Properties();
      properties.load(reader);
      String version = properties.getProperty("JAVA_VERSION", "").replace("\"", "");
      String major = version.startsWith("1.") ? version.substring(2) : version;
      return Optional.of(Integer.parseInt(major.split("[.+-]")[0]));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
