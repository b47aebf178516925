package dev.catcafe.model.jobs;

import dev.catcafe.model.config.PostgresRole;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The plain JVM programs of the lakehouse: the ones the cluster runs from the apps image, and the
 * ones only local runs need (the batch scheduler stands in for the cluster's CronJobs; the others
 * are one-shot tools of the Makefile).
 */
public enum JvmApp implements CatalogEntry {
  ALERT_UI(
      "alert-ui",
      RunnableModule.ALERT_UI,
      "dev.catcafe.alertui.AlertUiServer",
      EnumSet.of(SettingsGroup.KAFKA, SettingsGroup.ALERT_UI),
      PostgresRole.ALERT_UI,
      Deployment.CLUSTER,
      false,
      Restart.always(10)),
  SIMULATOR_SEED(
      "seed-profiles",
      RunnableModule.SIMULATOR,
      "dev.catcafe.simulator.SeedProfiles",
      EnumSet.noneOf(SettingsGroup.class),
      PostgresRole.SIMULATOR,
      Deployment.CLUSTER,
      false,
      Restart.never()),
  SIMULATOR_PRODUCER(
      "event-producer",
      RunnableModule.SIMULATOR,
      "dev.catcafe.simulator.ProduceEvents",
      EnumSet.of(SettingsGroup.KAFKA),
      PostgresRole.SIMULATOR,
      Deployment.CLUSTER,
      false,
      Restart.always(10)),
  /** Runs {@link JobCatalog#batchSequence()} in one Spark session, once or on an interval. */
  BATCH_SCHEDULER(
      "batch-scheduler",
      RunnableModule.BATCH,
      "dev.catcafe.batch.schedule.BatchScheduler",
      EnumSet.of(SettingsGroup.CATALOG, SettingsGroup.EVENT_LOG),
      PostgresRole.PROFILE_READER,
      Deployment.LOCAL,
      true,
      Restart.always(10)),
  /**
   * Spark's History Server over the jobs' event logs, on {@link #HISTORY_SERVER_PORT}; the cluster
   * runs it from the Spark jobs image.
   */
  HISTORY_SERVER(
      "history-server",
      RunnableModule.SPARK_COMMON,
      "dev.catcafe.spark.history.HistoryServerLauncher",
      EnumSet.of(SettingsGroup.EVENT_LOG),
      null,
      Deployment.CLUSTER,
      true,
      Restart.always(10)),
  TRINO_VIEWS(
      "trino-views",
      RunnableModule.TRINO,
      "dev.catcafe.trino.TrinoViews",
      EnumSet.noneOf(SettingsGroup.class),
      null,
      Deployment.LOCAL,
      false,
      Restart.never()),
  MANIFEST_GENERATOR(
      "manifest-generator",
      RunnableModule.SPARKAPPS,
      "dev.catcafe.sparkapps.ManifestGenerator",
      EnumSet.noneOf(SettingsGroup.class),
      null,
      Deployment.LOCAL,
      false,
      Restart.never()),
  /** Creates the Iceberg catalog's tables and namespace; the platform launcher runs it once. */
  CATALOG_BOOTSTRAP(
      "catalog-bootstrap",
      RunnableModule.SPARK_COMMON,
      "dev.catcafe.spark.CatalogBootstrap",
      EnumSet.of(SettingsGroup.CATALOG),
      null,
      Deployment.LOCAL,
      false,
      Restart.never()),
  /** The local platform's command line ({@code bin/platform up|down|status|clean}). */
  PLATFORM(
      "platform",
      RunnableModule.PLATFORM_LAUNCHER,
      "dev.catcafe.platform.PlatformCli",
      EnumSet.noneOf(SettingsGroup.class),
      null,
      Deployment.LOCAL,
      false,
      Restart.never());

  /**
   * The alert UI's HTTP port unless {@code ALERT_UI_PORT} says otherwise: the cluster's Service and
   * probes, and the Makefile's default (a test keeps the Makefile's copy equal to this).
   */
  public static final int ALERT_UI_PORT = 8788;

  /**
   * The Spark History Server's port unless {@code SPARK_HISTORY_PORT} says otherwise: the original
   * deployment's (and Spark's default), the cluster's Service and the Makefile's default.
   */
  public static final int HISTORY_SERVER_PORT = 18080;

  /** Kubernetes' default terminationGracePeriodSeconds, which the apps keep. */
  public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(30);

  /** Where a program runs. */
  public enum Deployment {
    /** In the cluster (a Deployment from the apps image) and locally. */
    CLUSTER,
    /** Only locally: the cluster has its own means (CronJobs, Helm) or no need. */
    LOCAL
  }

  private final String jobName;
  private final RunnableModule module;
  private final String mainClass;
  private final Set<SettingsGroup> settings;
  private final PostgresRole postgresRole;
  private final Deployment deployment;
  private final boolean runsSpark;
  private final Restart restart;

  JvmApp(
      String jobName,
      RunnableModule module,
      String mainClass,
      Set<SettingsGroup> settings,
      PostgresRole postgresRole,
      Deployment deployment,
      boolean runsSpark,
      Restart restart) {
    this.jobName = jobName;
    this.module = module;
    this.mainClass = mainClass;
    this.settings =
        CatalogEntry.withPostgres(jobName, CatalogEntry.withObjectStore(settings), postgresRole);
    this.postgresRole = postgresRole;
    this.deployment = deployment;
    this.runsSpark = runsSpark;
    this.restart = restart;
  }

  @Override
  public String jobName() {
    return jobName;
  }

  @Override
  public RunnableModule module() {
    return module;
  }

  @Override
  public String mainClass() {
    return mainClass;
  }

  @Override
  public boolean runsSpark() {
    return runsSpark;
  }

  /** The settings groups the program reads from its environment. */
  @Override
  public Set<SettingsGroup> settings() {
    return settings;
  }

  @Override
  public Optional<PostgresRole> postgresRole() {
    return Optional.ofNullable(postgresRole);
  }

  /**
   * The long-running programs ({@code make run} keeps them in the background, the cluster runs them
   * as Deployments) always come back, as a Deployment's pod does; the one-shot tools never.
   */
  @Override
  public Restart restart() {
    return restart;
  }

  @Override
  public Duration stopGrace() {
    return DEFAULT_STOP_GRACE;
  }

  public Deployment deployment() {
    return deployment;
  }

  /**
   * The long-running programs serve metrics next to the streaming jobs' ports: the batch scheduler
   * (runs, failures, last success per batch job) on 9404, the alert UI (feed clients, messages,
   * write-back queue) on 9405, the simulator (events acknowledged per topic) on 9406; the one-shot
   * tools have none.
   */
  @Override
  public OptionalInt metricsPort() {
    return switch (this) {
      case BATCH_SCHEDULER -> OptionalInt.of(9404);
      case ALERT_UI -> OptionalInt.of(9405);
      case SIMULATOR_PRODUCER -> OptionalInt.of(9406);
      case SIMULATOR_SEED,
          HISTORY_SERVER,
          TRINO_VIEWS,
          MANIFEST_GENERATOR,
          CATALOG_BOOTSTRAP,
          PLATFORM ->
          OptionalInt.empty();
    };
  }
}
