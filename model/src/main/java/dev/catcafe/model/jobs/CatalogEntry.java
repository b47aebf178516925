package dev.catcafe.model.jobs;

import java.time.Duration;
import java.util.OptionalInt;

/** What every runnable of the {@link JobCatalog} has: a name, its module and its main class. */
public interface CatalogEntry {
  /** The name {@code bin/run-job}, {@code bin/app} and the cluster know it by. */
  String jobName();

  RunnableModule module();

  String mainClass();

  /** Whether the program runs a Spark session (and so needs Spark's JVM flags and heap). */
  boolean runsSpark();

  /**
   * When the program is started again after it ended: the Spark operator's restart config for Spark
   * jobs, the local supervisor ({@code bin/app}) for everything {@code make run} starts.
   */
  Restart restart();

  /**
   * How long the program may take to stop after SIGTERM before it is killed: the pods'
   * terminationGracePeriodSeconds and {@code bin/app}'s wait.
   */
  Duration stopGrace();

  /**
   * The port the program serves its Prometheus metrics on ({@code GET /metrics}, bound to 127.0.0.1
   * locally): the default of its {@code --metrics-port}, and what the generated scrape
   * configuration (local and cluster) scrapes. Empty for a program without metrics.
   */
  default OptionalInt metricsPort() {
    return OptionalInt.empty();
  }
}
