package dev.catcafe.model.jobs;

/** Where a job's Spark tasks run. */
public enum Placement {
  /** The driver asks Kubernetes for executor pods. */
  EXECUTORS,
  /**
   * Everything runs inside the driver pod ({@code local[n]} on its cores). For the alert jobs:
   * their session pins the driver to 127.0.0.1 and they are small, latency-bound queries for which
   * executor round trips only add delay.
   */
  DRIVER_ONLY
}
