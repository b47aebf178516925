package dev.catcafe.model.jobs;

/** How a Spark job runs on the cluster. */
public enum JobKind {
  /** Runs until stopped; a SparkApplication that the operator restarts when it ends. */
  STREAMING,
  /** Runs to completion on a schedule; a CronJob creates a fresh SparkApplication each time. */
  BATCH
}
