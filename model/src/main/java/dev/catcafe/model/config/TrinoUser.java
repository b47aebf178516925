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
  ANALYST("analyst", "TRINO_USER", "TRINO_PASSWORD"),
  /** {@code TrinoViews}: owns the {@code *_analytics} schemas and the views in them. */
  VIEW_OWNER("view_owner", "TRINO_VIEWS_USER", "TRINO_VIEWS_PASSWORD"),
  /**
   * The benchmarks: write their own {@code *_bench} namespaces (tables and views), read the rest.
   */
  BENCH("bench", "TRINO_BENCH_USER", "TRINO_BENCH_PASSWORD"),
  /** The local launcher's readiness probe: one pass-through scan of the cafe database. */
  PLATFORM("platform", "TRINO_PLATFORM_USER", "TRINO_PLATFORM_PASSWORD");

  private final String userName;
  private final String userVariable;
  private final String passwordVariable;

  TrinoUser(String userName, String userVariable, String passwordVariable) {
    this.userName = userName;
    this.userVariable = userVariable;
    this.passwordVariable = passwordVariable;
  }

  /** The name Trino authenticates (and its rules match). */
  public String userName() {
    return userName;
  }

  /** The environment variable that names this user to a client (its default: {@link #userName}). */
  public String userVariable() {
    return userVariable;
  }

  /** The environment variable that holds this user's password. */
  public String passwordVariable() {
    return passwordVariable;
  }

  /** The key of this user's password in the local platform's secrets file. */
  public String secretKey() {
    return "trino." + name().toLowerCase(Locale.ROOT) + ".password";
  }
}
