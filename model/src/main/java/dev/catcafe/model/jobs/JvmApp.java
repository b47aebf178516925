package dev.catcafe.model.jobs;

import dev.catcafe.model.config.PostgresRole;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The plain JVM programs of the lakehouse: the ones the cluster runs from the apps image, and the
 * ones only local runs need (the batch scheduler stands in for the cluster's CronJobs; the others
 * are one-shot tools of the Makefile).
 */
public enum JvmApp implements CatalogEntry {
  ALERT_UI(
      Program.of("alert-ui", RunnableModule.ALERT_UI, "dev.catcafe.alertui.AlertUiServer")
          .reading(SettingsGroup.KAFKA, SettingsGroup.ALERT_UI)
          .connectingAs(PostgresRole.ALERT_UI)
          .restarting(Restart.always(10)),
      new PodResources("250m", "512Mi", "1", "768Mi")),
  SIMULATOR_SEED(
      Program.of("seed-profiles", RunnableModule.SIMULATOR, "dev.catcafe.simulator.SeedProfiles")
          .connectingAs(PostgresRole.SIMULATOR),
      new PodResources("250m", "256Mi", "1", "512Mi")),
  SIMULATOR_PRODUCER(
      Program.of("event-producer", RunnableModule.SIMULATOR, "dev.catcafe.simulator.ProduceEvents")
          .reading(SettingsGroup.KAFKA)
          .connectingAs(PostgresRole.SIMULATOR)
          .restarting(Restart.always(10)),
      new PodResources("250m", "384Mi", "1", "512Mi")),
  /** Runs {@link JobCatalog#batchSequence()} in one Spark session, once or on an interval. */
  BATCH_SCHEDULER(
      Program.of(
              "batch-scheduler", RunnableModule.BATCH, "dev.catcafe.batch.schedule.BatchScheduler")
          .reading(SettingsGroup.CATALOG, SettingsGroup.EVENT_LOG)
          .connectingAs(PostgresRole.PROFILE_READER)
          .runningSpark()
          .restarting(Restart.always(10))),
  /**
   * Spark's History Server over the jobs' event logs, on {@link #HISTORY_SERVER_PORT}; the cluster
   * runs it from the Spark jobs image.
   */
  HISTORY_SERVER(
      Program.of(
              "history-server",
              RunnableModule.SPARK_COMMON,
              "dev.catcafe.spark.history.HistoryServerLauncher")
          .reading(SettingsGroup.EVENT_LOG)
          .runningSpark()
          .restarting(Restart.always(10)),
      new PodResources("250m", "1Gi", "1", "1536Mi")),
  TRINO_VIEWS(Program.of("trino-views", RunnableModule.TRINO, "dev.catcafe.trino.TrinoViews")),
  MANIFEST_GENERATOR(
      Program.of(
          "manifest-generator",
          RunnableModule.SPARKAPPS,
          "dev.catcafe.sparkapps.ManifestGenerator")),
  /** Creates the Iceberg catalog's tables and namespace; the platform launcher runs it once. */
  CATALOG_BOOTSTRAP(
      Program.of(
              "catalog-bootstrap",
              RunnableModule.SPARK_COMMON,
              "dev.catcafe.spark.CatalogBootstrap")
          .reading(SettingsGroup.CATALOG)),
  /** The local platform's command line ({@code bin/platform up|down|status|clean}). */
  PLATFORM(
      Program.of("platform", RunnableModule.PLATFORM_LAUNCHER, "dev.catcafe.platform.PlatformCli"));

  /**
   * The alert UI's HTTP port unless {@code ALERT_UI_PORT} says otherwise: the UI's own default, the
   * cluster's Service and probes, and the Makefile's default (a test keeps the Makefile's copy
   * equal to this).
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

  /**
   * What it runs, with what, as whom and when it restarts: the long-running programs ({@code make
   * run} keeps them in the background, the cluster runs them as Deployments) always come back, as a
   * Deployment's pod does; the one-shot tools never, as a {@link Program} does unless it says
   * otherwise.
   */
  private final Program program;

  private final Optional<PodResources> podResources;

  /** A program only local runs need. */
  JvmApp(Program program) {
    this.program = program;
    this.podResources = Optional.empty();
  }

  /** A program the cluster runs too, in a container that asks for {@code podResources}. */
  JvmApp(Program program, PodResources podResources) {
    this.program = program;
    this.podResources = Optional.of(podResources);
  }

  @Override
  public Program program() {
    return program;
  }

  @Override
  public Duration stopGrace() {
    return DEFAULT_STOP_GRACE;
  }

  /** In the cluster exactly when it declares what its container asks for. */
  public Deployment deployment() {
    return podResources.isPresent() ? Deployment.CLUSTER : Deployment.LOCAL;
  }

  /** What its container asks Kubernetes for; empty for the programs only local runs need. */
  public Optional<PodResources> podResources() {
    return podResources;
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
