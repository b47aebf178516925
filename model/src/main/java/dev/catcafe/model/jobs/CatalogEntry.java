package dev.catcafe.model.jobs;

/** What every runnable of the {@link JobCatalog} has: a name, its module and its main class. */
public interface CatalogEntry {
  /** The name {@code bin/run-job}, {@code bin/app} and the cluster know it by. */
  String jobName();

  RunnableModule module();

  String mainClass();

  /** Whether the program runs a Spark session (and so needs Spark's JVM flags and heap). */
  boolean runsSpark();
}
