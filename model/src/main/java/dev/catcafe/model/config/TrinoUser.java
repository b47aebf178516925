package dev.catcafe.model.config;

import java.util.Locale;

/**
 * The users Trino knows, each allowed only its job by {@link TrinoAccessRules}. A client names its
 * user and password through the environment variables of its user, so a tool started with the
 * platform's environment is the read-only {@link #ANALYST} unless it asks for another.
 */
public enum TrinoUser {
  /**
   * Superset, the notebooks, analysts and every check that only reads: reads the lake, the
   * analytics views and the cafe database; writes, drops, creates and calls nothing.
   */
  ANALYST("analyst", "TRINO"),
  /** {@code TrinoViews}: owns the {@code *_analytics} schemas and the views in them. */
  VIEW_OWNER("view_owner", "TRINO_VIEWS"),
  /**
   * The benchmarks: write their own {@code *_bench} namespaces (tables and views), read the rest.
   */
  BENCH("bench", "TRINO_BENCH"),
  /** The local launcher's readiness probe: one pass-through scan of the cafe database. */
  PLATFORM("platform", "TRINO_PLATFORM");

  private final String userName;

  /**
   * The user's environment variables are this followed by {@code _USER} and {@code _PASSWORD}, e.g.
   * {@code TRINO_VIEWS_USER} and {@code TRINO_VIEWS_PASSWORD}.
   */
  private final String variablePrefix;

  TrinoUser(String userName, String variablePrefix) {
    this.userName = userName;
    this.variablePrefix = variablePrefix;
  }

  /** The name Trino authenticates (and its rules match). */
  public String userName() {
    return userName;
  }

  /** The environment variable that names this user to a client (its default: {@link #userName}). */
  public String userVariable() {
    return variablePrefix + "_USER";
  }

  /** The environment variable that holds this user's password. */
  public String passwordVariable() {
    return variablePrefix + "_PASSWORD";
  }

  /** The key of this user's password in the local platform's secrets file. */
  public String secretKey() {
    return "trino." + name().toLowerCase(Locale.ROOT) + ".password";
  }
}
