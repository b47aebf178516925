package dev.catcafe.model.jobs;

import dev.catcafe.model.config.KafkaPrincipal;
import dev.catcafe.model.config.PostgresRole;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What every runnable of the {@link JobCatalog} has: a name, its module and its main class, and how
 * it is run. The facts every entry declares alike are its {@link Program}; the rest each kind of
 * entry answers itself.
 */
public interface CatalogEntry {
  /** What the entry declares as every program does. */
  Program program();

  /**
   * The name {@code bin/run-job}, {@code bin/app} and the cluster know it by (for a Spark job also
   * the Kubernetes name of the application and the Spark app name).
   */
  default String jobName() {
    return program().jobName();
  }

  default RunnableModule module() {
    return program().module();
  }

  default String mainClass() {
    return program().mainClass();
  }

  /**
   * JVM options of the program's own, beside the heap it is given (locally {@code
   * SPARK_APP_OPTS}/{@code JAVA_OPTS}, in the cluster its resources): none unless its entry says.
   */
  default List<String> jvmOptions() {
    return List.of();
  }

  /** The settings groups the program reads from its environment. */
  default Set<SettingsGroup> settings() {
    return program().settings();
  }

  /**
   * The PostgreSQL role the program connects to the cafe's database as (its {@code
   * POSTGRES_USER}/{@code POSTGRES_PASSWORD}, locally from {@code bin/run-job}, in the cluster from
   * the role's own Secret); empty for a program that does not read it.
   */
  default Optional<PostgresRole> postgresRole() {
    return program().postgresRole();
  }

  /**
   * The role the program reaches the Iceberg JDBC catalog as ({@code ICEBERG_CATALOG_USER}/{@code
   * ICEBERG_CATALOG_PASSWORD}): the catalog's own, for every program that opens the lake.
   */
  default Optional<PostgresRole> catalogRole() {
    return settings().contains(SettingsGroup.CATALOG)
        ? Optional.of(PostgresRole.ICEBERG_CATALOG)
        : Optional.empty();
  }

  /**
   * The Kafka principal the program authenticates as ({@code KAFKA_USERNAME}/{@code
   * KAFKA_PASSWORD}, locally from {@code bin/run-job}, in the cluster from its {@code KafkaUser}'s
   * Secret): every program that reads the Kafka settings has its own; empty for the others.
   */
  default Optional<KafkaPrincipal> kafkaPrincipal() {
    if (!settings().contains(SettingsGroup.KAFKA)) {
      return Optional.empty();
    }
    return Optional.of(
        KafkaPrincipal.ofJob(jobName())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        jobName() + " reads the Kafka settings but no KafkaPrincipal is its own")));
  }

  /** Whether the program runs a Spark session (and so needs Spark's JVM flags and heap). */
  default boolean runsSpark() {
    return program().runsSpark();
  }

  /**
   * When the program is started again after it ended: the Spark operator's restart config for Spark
   * jobs, the local supervisor ({@code bin/app}) for everything {@code make run} starts.
   */
  default Restart restart() {
    return program().restart();
  }

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
