package dev.catcafe.model.cli;

import dev.catcafe.model.config.LocalPlatformDefaults;
import dev.catcafe.model.config.PostgresSettings;
import picocli.CommandLine.Option;

/** The operational database options every command shares. */
public final class PostgresOptions {
  @Option(
      names = "--postgres-url",
      paramLabel = "JDBC_URL",
      defaultValue = "${env:POSTGRES_URL:-" + LocalPlatformDefaults.CAFE_URL + "}",
      description = "The cafe database. Env POSTGRES_URL.")
  private String url;

  @Option(
      names = "--postgres-user",
      defaultValue = "${env:POSTGRES_USER:-" + LocalPlatformDefaults.APP_ROLE + "}",
      description = "Env POSTGRES_USER.")
  private String user;

  /* No option for the password on purpose: arguments show in `ps`; it comes from the env only. */
  public PostgresSettings settings() {
    return new PostgresSettings(url, user, System.getenv().getOrDefault("POSTGRES_PASSWORD", ""));
  }
}
