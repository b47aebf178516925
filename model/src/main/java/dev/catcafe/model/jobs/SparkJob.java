package dev.catcafe.model.jobs;

import static dev.catcafe.model.jobs.SettingsGroup.CATALOG;
import static dev.catcafe.model.jobs.SettingsGroup.KAFKA;

import dev.catcafe.model.config.LifecycleSettings;
import dev.catcafe.model.config.PostgresRole;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Every Spark job of the lakehouse, declared once: {@code bin/run-job} and {@code bin/app} start it
 * locally by name, the manifests generator turns it into a SparkApplication (streaming) or a
 * CronJob that creates one (batch), and the local batch scheduler runs the batch jobs in
 * declaration order. Adding a job means adding a constant here and running {@code make manifests}.
 */
public enum SparkJob implements CatalogEntry {
  RAW_INGESTION(
      "raw-ingestion",
      "dev.catcafe.streaming.ingest.RawIngestionJob",
      RunnableModule.STREAMING,
      JobKind.STREAMING,
      // The original committed every 120 s; fewer, larger files than a 30 s trigger.
      List.of("--trigger-interval=2m"),
      "--checkpoint-root",
      EnumSet.of(KAFKA, CATALOG),
      null,
      Placement.EXECUTORS,
      new JobResources(1, "2g", 2, 1, "2g"),
      Restart.always(10),
      null),
  WELLNESS_GUARDIAN(
      "wellness-guardian",
      "dev.catcafe.streaming.alerts.WellnessGuardianJob",
      RunnableModule.STREAMING,
      JobKind.STREAMING,
      List.of("--mode=realtime", "--starting-offsets=latest"),
      "--checkpoint-location",
      EnumSet.of(KAFKA),
      null,
      Placement.DRIVER_ONLY,
      // Real-time mode holds one task slot per Kafka partition (3) for the whole batch.
      JobResources.driverOnly(4, "2g"),
      Restart.always(10),
      null),
  ADOPTER_DETECTIVE(
      "adopter-detective",
      "dev.catcafe.streaming.alerts.AdopterDetectiveJob",
      RunnableModule.STREAMING,
      JobKind.STREAMING,
      List.of("--starting-offsets=latest"),
      "--checkpoint-location",
      EnumSet.of(KAFKA),
      null,
      Placement.DRIVER_ONLY,
      JobResources.driverOnly(2, "2g"),
      Restart.always(10),
      null),
  PROFILE_SNAPSHOT(
      "profile-snapshot",
      "dev.catcafe.batch.snapshot.ProfileSnapshotJob",
      RunnableModule.BATCH,
      JobKind.BATCH,
      List.of(),
      null,
      EnumSet.of(CATALOG),
      PostgresRole.PROFILE_READER,
      Placement.EXECUTORS,
      new JobResources(1, "2g", 1, 1, "2g"),
      Restart.onFailure(2),
      // Daily, in this order: profiles first so the summary sees today's names, then maintenance.
      "15 0 * * *"),
  DAILY_CAT_SUMMARY(
      "daily-cat-summary",
      "dev.catcafe.batch.summary.DailyCatSummaryJob",
      RunnableModule.BATCH,
      JobKind.BATCH,
      List.of(),
      null,
      EnumSet.of(CATALOG),
      null,
      Placement.EXECUTORS,
      new JobResources(1, "2g", 2, 2, "4g"),
      Restart.onFailure(2),
      "45 0 * * *"),
  TABLE_MAINTENANCE(
      "table-maintenance",
      "dev.catcafe.batch.maintenance.TableMaintenanceJob",
      RunnableModule.BATCH,
      JobKind.BATCH,
      // The one maintenance policy, as the local scheduler runs it (every lake table expires).
      MaintenancePolicy.SCHEDULED.arguments(),
      null,
      EnumSet.of(CATALOG),
      null,
      Placement.EXECUTORS,
      new JobResources(1, "2g", 2, 2, "4g"),
      Restart.onFailure(2),
      "30 2 * * *"),
  DATA_QUALITY(
      "data-quality",
      "dev.catcafe.batch.quality.DataQualityJob",
      RunnableModule.BATCH,
      JobKind.BATCH,
      List.of(),
      null,
      EnumSet.of(CATALOG),
      // The lake only: the profiles it checks ids against are the snapshot job's lake copies.
      null,
      Placement.EXECUTORS,
      new JobResources(1, "2g", 1, 1, "2g"),
      Restart.onFailure(2),
      // Last: after the summary it checks, and after maintenance, which a failed check must not
      // hold back in the local scheduler's cycle (it ends at the first failure).
      "0 3 * * *");

  private final String jobName;
  private final String mainClass;
  private final RunnableModule module;
  private final JobKind kind;
  private final List<String> arguments;
  private final String checkpointOption;
  private final Set<SettingsGroup> settings;
  private final PostgresRole postgresRole;
  private final Placement placement;
  private final JobResources resources;
  private final Restart restart;
  private final String schedule;

  SparkJob(
      String jobName,
      String mainClass,
      RunnableModule module,
      JobKind kind,
      List<String> arguments,
      String checkpointOption,
      Set<SettingsGroup> settings,
      PostgresRole postgresRole,
      Placement placement,
      JobResources resources,
      Restart restart,
      String schedule) {
    this.jobName = jobName;
    this.mainClass = mainClass;
    this.module = module;
    this.kind = kind;
    this.arguments = List.copyOf(arguments);
    this.checkpointOption = checkpointOption;
    // Every Spark job writes its event log for the History Server (JvmApp.HISTORY_SERVER).
    Set<SettingsGroup> withEventLog = EnumSet.of(SettingsGroup.EVENT_LOG);
    withEventLog.addAll(settings);
    this.settings =
        CatalogEntry.withPostgres(
            jobName, CatalogEntry.withObjectStore(withEventLog), postgresRole);
    this.postgresRole = postgresRole;
    this.placement = placement;
    this.resources = resources;
    this.restart = restart;
    this.schedule = schedule;
    if ((kind == JobKind.BATCH) != (schedule != null)) {
      throw new IllegalArgumentException(jobName + ": batch jobs need a schedule, streaming none");
    }
    if (kind == JobKind.STREAMING && restart.policy() != RestartPolicy.Always) {
      throw new IllegalArgumentException(jobName + ": a streaming job must always come back");
    }
    if ((placement == Placement.DRIVER_ONLY) != (resources.executors() == 0)) {
      throw new IllegalArgumentException(jobName + ": executors only for jobs placed on executors");
    }
  }

  /** The Kubernetes name of the application (and the Spark app name). */
  @Override
  public String jobName() {
    return jobName;
  }

  @Override
  public String mainClass() {
    return mainClass;
  }

  @Override
  public RunnableModule module() {
    return module;
  }

  @Override
  public boolean runsSpark() {
    return true;
  }

  public JobKind kind() {
    return kind;
  }

  @Override
  public Set<SettingsGroup> settings() {
    return settings;
  }

  @Override
  public Optional<PostgresRole> postgresRole() {
    return Optional.ofNullable(postgresRole);
  }

  public Placement placement() {
    return placement;
  }

  public JobResources resources() {
    return resources;
  }

  @Override
  public Restart restart() {
    return restart;
  }

  /**
   * A streaming job finishes its running batch within {@code --stop-timeout} (default {@link
   * LifecycleSettings#defaults()}) and then exits; a batch job gets Kubernetes' default 30 s.
   */
  @Override
  public Duration stopGrace() {
    return kind == JobKind.STREAMING
        ? LifecycleSettings.defaults().stopGrace()
        : JvmApp.DEFAULT_STOP_GRACE;
  }

  /** The cron schedule of a batch job (UTC); empty for streaming jobs. */
  public Optional<String> schedule() {
    return Optional.ofNullable(schedule);
  }

  /** The fixed arguments of every cluster run, before the checkpoint option. */
  public List<String> arguments() {
    return arguments;
  }

  /** The option that takes the job's checkpoint location; empty for jobs without a checkpoint. */
  public Optional<String> checkpointOption() {
    return Optional.ofNullable(checkpointOption);
  }

  /**
   * The streaming jobs' metrics ports, one per job so all run side by side on one machine; the
   * batch jobs run inside the batch scheduler locally and briefly on the cluster, so they have
   * none.
   */
  @Override
  public OptionalInt metricsPort() {
    return switch (this) {
      case RAW_INGESTION -> OptionalInt.of(9401);
      case WELLNESS_GUARDIAN -> OptionalInt.of(9402);
      case ADOPTER_DETECTIVE -> OptionalInt.of(9403);
      case PROFILE_SNAPSHOT, DAILY_CAT_SUMMARY, TABLE_MAINTENANCE, DATA_QUALITY ->
          OptionalInt.empty();
    };
  }
}
