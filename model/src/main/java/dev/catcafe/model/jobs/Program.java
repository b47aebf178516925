package dev.catcafe.model.jobs;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.PostgresRole;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What every program of the {@link JobCatalog} declares, whether a {@link SparkJob} or a {@link
 * JvmApp}: the name it is known by, what starts it, whether it runs Spark, the settings it reads,
 * the PostgreSQL role it connects as and when it is started again. Each entry holds one and {@link
 * CatalogEntry} reads it, so these facts are declared, derived and checked in this one place.
 *
 * <p>A program starts from {@link #of} as a plain JVM program reading no settings, connecting as no
 * role and never restarting, and says what else it does: {@code
 * Program.of(...).reading(KAFKA).connectingAs(role).restarting(Restart.always(10))}.
 *
 * @param jobName the name {@code bin/run-job}, {@code bin/app} and the cluster know it by
 * @param module the module whose runnable layout holds the main class
 * @param mainClass the class that starts the program
 * @param runsSpark whether the program runs a Spark session (and so needs Spark's JVM flags and
 *     heap)
 * @param settings the settings groups the program reads from its environment, with those its other
 *     settings and its role imply (see the constructor)
 * @param postgresRole the role it connects to the cafe's database as; empty for none
 * @param restart when it is started again after it ended
 */
public record Program(
    String jobName,
    RunnableModule module,
    String mainClass,
    boolean runsSpark,
    Set<SettingsGroup> settings,
    Optional<PostgresRole> postgresRole,
    Restart restart) {
  /**
   * Adds {@link SettingsGroup#OBJECT_STORE} when the settings open the lake or the event logs,
   * which live in the store when the lake does: no entry can forget the store's settings. Adds
   * {@link SettingsGroup#POSTGRES} exactly when the program declares a role: the role is the one
   * place that says a program reads PostgreSQL.
   */
  public Program {
    requireNonNull(jobName, "jobName is null");
    requireNonNull(module, "module is null");
    requireNonNull(mainClass, "mainClass is null");
    requireNonNull(settings, "settings is null");
    requireNonNull(postgresRole, "postgresRole is null");
    requireNonNull(restart, "restart is null");
    if (settings.contains(SettingsGroup.POSTGRES) && postgresRole.isEmpty()) {
      throw new IllegalArgumentException(
          jobName + ": declare a PostgresRole instead of the POSTGRES settings group");
    }
    Set<SettingsGroup> all = EnumSet.noneOf(SettingsGroup.class);
    all.addAll(settings);
    if (settings.contains(SettingsGroup.CATALOG) || settings.contains(SettingsGroup.EVENT_LOG)) {
      all.add(SettingsGroup.OBJECT_STORE);
    }
    if (postgresRole.isPresent()) {
      all.add(SettingsGroup.POSTGRES);
    }
    settings = Set.copyOf(all);
  }

  /**
   * {@code mainClass} of {@code module}, known as {@code jobName}: a plain JVM program with no
   * settings, role or restart.
   */
  public static Program of(String jobName, RunnableModule module, String mainClass) {
    return new Program(
        jobName, module, mainClass, false, Set.of(), Optional.empty(), Restart.never());
  }

  /** This program running a Spark session. */
  public Program runningSpark() {
    return new Program(jobName, module, mainClass, true, settings, postgresRole, restart);
  }

  /** This program also reading {@code groups} from its environment. */
  public Program reading(SettingsGroup... groups) {
    Set<SettingsGroup> all = EnumSet.noneOf(SettingsGroup.class);
    all.addAll(settings);
    all.addAll(List.of(groups));
    return new Program(jobName, module, mainClass, runsSpark, all, postgresRole, restart);
  }

  /** This program connecting to the cafe's database as {@code role}. */
  public Program connectingAs(PostgresRole role) {
    requireNonNull(role, "role is null");
    return new Program(jobName, module, mainClass, runsSpark, settings, Optional.of(role), restart);
  }

  /** This program started again after it ended as {@code restart} says. */
  public Program restarting(Restart restart) {
    return new Program(jobName, module, mainClass, runsSpark, settings, postgresRole, restart);
  }
}
