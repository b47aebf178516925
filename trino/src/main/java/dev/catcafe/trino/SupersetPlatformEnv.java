package dev.catcafe.trino;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.TrinoSettings;
import dev.catcafe.model.config.TrinoUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The {@code platform.env} of a Superset home of its own ({@code bin/superset} with {@code
 * CATCAFE_HOME} pointing there), for a test or a benchmark that serves Superset over a Trino other
 * than the platform's: where Trino listens, the lake's namespace, and the user Superset connects
 * as.
 */
public final class SupersetPlatformEnv {
  /**
   * The variables {@code bin/superset} must read from the home's file, not inherit: a process
   * started from {@code bin/run} or a sourced {@code platform.env} has the platform's own values.
   */
  public static final List<String> FROM_FILE_ONLY =
      List.of("TRINO_PORT", "LAKEHOUSE_NAMESPACE", "SUPERSET_ANALYTICS_SCHEMA");

  private SupersetPlatformEnv() {}

  /**
   * Writes {@code <home>/platform.env} naming Trino on {@code trinoPort}, {@code lakeNamespace},
   * and {@code analyst}'s user, password and certificate. Owner-only, as the platform's own (it
   * holds the password), and replaced atomically.
   */
  public static void write(Path home, TrinoSettings analyst, int trinoPort, String lakeNamespace)
      throws IOException {
    requireNonNull(home, "home is null");
    requireNonNull(analyst, "analyst is null");
    requireNonNull(lakeNamespace, "lakeNamespace is null");
    Files.createDirectories(home);
    Path temporary = home.resolve("platform.env.tmp");
    Files.deleteIfExists(temporary);
    Files.createFile(
        temporary,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(
        temporary,
        "TRINO_PORT=%d%nLAKEHOUSE_NAMESPACE=%s%n%s=%s%n%s=%s%n%s=%s%n"
            .formatted(
                trinoPort,
                lakeNamespace,
                TrinoUser.ANALYST.userVariable(),
                analyst.user(),
                TrinoUser.ANALYST.passwordVariable(),
                analyst.password(),
                TrinoSettings.TRUSTSTORE_VARIABLE,
                analyst.trustStore()));
    Files.move(temporary, home.resolve("platform.env"), StandardCopyOption.ATOMIC_MOVE);
  }
}
