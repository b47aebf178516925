package dev.catcafe.model.cli;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.LocalPlatformDefaults;
import dev.catcafe.model.config.TrinoSettings;
import dev.catcafe.model.config.TrinoUser;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The Trino options every command that queries Trino shares: where it listens, the certificate to
 * trust, and the command's user (each command its own {@link TrinoUser}, whose variables name the
 * user and hold the password).
 */
public final class TrinoOptions {
  @Option(
      names = "--trino-url",
      paramLabel = "JDBC_URL",
      defaultValue = "${env:TRINO_URL:-" + LocalPlatformDefaults.TRINO_URL + "}",
      description = "Trino JDBC URL. Env TRINO_URL.")
  private String url;

  @Option(
      names = "--trino-truststore",
      paramLabel = "PEM",
      defaultValue = "${env:TRINO_TRUSTSTORE:-}",
      description =
          "PEM certificate(s) to trust for Trino's HTTPS (the local platform's own certificate)."
              + " Env TRINO_TRUSTSTORE.")
  private String trustStore;

  // No defaultValue: the command's user decides which variable holds it (see settings()).
  @Option(
      names = "--trino-user",
      description = "Trino user. Env TRINO_USER, TRINO_VIEWS_USER or TRINO_BENCH_USER by command.")
  private String user;

  private final TrinoUser role;

  /** Options of a command that connects as {@code role}. */
  public TrinoOptions(TrinoUser role) {
    this.role = requireNonNull(role, "role is null");
  }

  /* No option for the password on purpose: arguments show in `ps`; it comes from the env only. */
  public TrinoSettings settings() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put(TrinoSettings.URL_VARIABLE, url);
    env.put(TrinoSettings.TRUSTSTORE_VARIABLE, trustStore == null ? "" : trustStore);
    if (user != null) {
      env.put(role.userVariable(), user);
    }
    return TrinoSettings.fromEnvironment(env, role);
  }
}
