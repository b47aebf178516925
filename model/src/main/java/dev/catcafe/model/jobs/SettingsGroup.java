package dev.catcafe.model.jobs;

/** The groups of settings a workload needs, each a set of environment variables. */
public enum SettingsGroup {
  KAFKA,
  POSTGRES,
  CATALOG,
  /** The alert UI's own secret (the staff token that guards adoption write-back). */
  ALERT_UI,
  /** Where Spark event logs live ({@code SPARK_EVENT_LOG_DIR}): every Spark job writes there. */
  EVENT_LOG,
  /**
   * The lake's object store ({@code S3_*}): where an {@code s3://} lake keeps its tables, the jobs'
   * checkpoints and their event logs. Whoever opens the lake or the event logs reaches the store.
   */
  OBJECT_STORE
}
