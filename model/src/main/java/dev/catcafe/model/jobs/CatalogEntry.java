package dev.catcafe.model.jobs;

import dev.catcafe.model.config.KafkaPrincipal;
import dev.catcafe.model.config.PostgresRole;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** What every runnable of the {@link JobCatalog} has: a name, its module and its main class. */
public interface CatalogEntry {
  /** The name {@code bin/run-job}, {@code bin/app} and the cluster know it by. */
  String jobName();

  RunnableModule module();

  String mainClass();

  /** The settings groups the program reads from its environment. */
  Set<SettingsGroup> settings();

  /**
   * The PostgreSQL role the program connects to the cafe's database as (its {@code
   * POSTGRES_USER}/{@code POSTGRES_PASSWORD}, locally from {@code bin/run-job}, in the cluster from
   * the role's own Secret); empty for a program that does not read it.
   */
  Optional<PostgresRole> postgresRole();

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

  /**
   * {@code settings} with {@link SettingsGroup#POSTGRES} exactly when the entry declares a role:
   * the role is the one place that says a program reads PostgreSQL.
   */
  static Set<SettingsGroup> withPostgres(
      String jobName, Set<SettingsGroup> settings, PostgresRole postgresRole) {
    if (settings.contains(SettingsGroup.POSTGRES)) {
      throw new IllegalArgumentException(
          jobName + ": declare a PostgresRole instead of the POSTGRES settings group");
    }
    Set<SettingsGroup> all = EnumSet.noneOf(SettingsGroup.class);
    all.addAll(settings);
    if (postgresRole != null) {
      all.add(SettingsGroup.POSTGRES);
    }
    return Set.copyOf(all);
  }

  /**
   * {@code settings} with {@link SettingsGroup#OBJECT_STORE} when they open the lake or the event
   * logs, which live in the store when the lake does: no entry can forget the store's settings.
   */
  static Set<SettingsGroup> withObjectStore(Set<SettingsGroup> settings) {
    Set<SettingsGroup> all = EnumSet.noneOf(SettingsGroup.class);
    all.addAll(settings);
    if (settings.contains(SettingsGroup.CATALOG) || settings.contains(SettingsGroup.EVENT_LOG)) {
      all.add(SettingsGroup.OBJECT_STORE);
    }
    return all;
  }

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
