package dev.catcafe.model.jobs;

import static dev.catcafe.model.jobs.SettingsGroup.CATALOG;
import static dev.catcafe.model.jobs.SettingsGroup.KAFKA;

import dev.catcafe.model.config.LifecycleSettings;
import dev.catcafe.model.config.PostgresRole;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Every Spark job of the lakehouse, declared once: {@code bin/run-job} and {@code bin/app} start it
 * locally by name, the manifests generator turns it into a SparkApplication (streaming) or a
 * CronJob that creates one (batch), and the local batch scheduler runs the batch jobs in
 * declaration order. Adding a job means adding a constant here and running {@code make manifests}.
 */
public enum SparkJob implements CatalogEntry {
  RAW_INGESTION(
      Program.of(
              "raw-ingestion",
              RunnableModule.STREAMING,
              "dev.catcafe.streaming.ingest.RawIngestionJob")
          .reading(KAFKA, CATALOG)
          .restarting(Restart.always(10)),
      JobKind.STREAMING,
      // The original committed every 120 s; fewer, larger files than a 30 s trigger.
      List.of("--trigger-interval=2m"),
      "--checkpoint-root",
      Placement.EXECUTORS,
      new JobResources(1, "2g", 2, 1, "2g"),
      null),
  WELLNESS_GUARDIAN(
      Program.of(
              "wellness-guardian",
              RunnableModule.STREAMING,
              "dev.catcafe.streaming.alerts.WellnessGuardianJob")
          .reading(KAFKA)
          .restarting(Restart.always(10)),
      JobKind.STREAMING,
      List.of("--mode=realtime", "--starting-offsets=latest"),
      "--checkpoint-location",
      Placement.DRIVER_ONLY,
      // Real-time mode holds one task slot per Kafka partition (3) for the whole batch.
      JobResources.driverOnly(4, "2g"),
      null),
  ADOPTER_DETECTIVE(
      Program.of(
              "adopter-detective",
              RunnableModule.STREAMING,
              "dev.catcafe.streaming.alerts.AdopterDetectiveJob")
          .reading(KAFKA)
          .restarting(Restart.always(10)),
      JobKind.STREAMING,
      List.of("--starting-offsets=latest"),
      "--checkpoint-location",
      Placement.DRIVER_ONLY,
      JobResources.driverOnly(2, "2g"),
      null),
  PROFILE_SNAPSHOT(
      Program.of(
              "profile-snapshot",
              RunnableModule.BATCH,
              "dev.catcafe.batch.snapshot.ProfileSnapshotJob")
          .reading(CATALOG)
          .connectingAs(PostgresRole.PROFILE_READER)
          .restarting(Restart.onFailure(2)),
      JobKind.BATCH,
      List.of(),
      null,
      Placement.EXECUTORS,
      new JobResources(1, "2g", 1, 1, "2g"),
      // Daily, in this order: profiles first so the summary sees today's names, then maintenance.
      "15 0 * * *"),
  DAILY_CAT_SUMMARY(
      Program.of(
              "daily-cat-summary",
              RunnableModule.BATCH,
              "dev.catcafe.batch.summary.DailyCatSummaryJob")
          .reading(CATALOG)
          .restarting(Restart.onFailure(2)),
      JobKind.BATCH,
      List.of(),
      null,
      Placement.EXECUTORS,
      new JobResources(1, "2g", 2, 2, "4g"),
      "45 0 * * *"),
  TABLE_MAINTENANCE(
      Program.of(
              "table-maintenance",
              RunnableModule.BATCH,
              "dev.catcafe.batch.maintenance.TableMaintenanceJob")
          .reading(CATALOG)
          .restarting(Restart.onFailure(2)),
      JobKind.BATCH,
      // The one maintenance policy, as the local scheduler runs it (every lake table expires).
      MaintenancePolicy.SCHEDULED.arguments(),
      null,
      Placement.EXECUTORS,
      new JobResources(1, "2g", 2, 2, "4g"),
      "30 2 * * *"),
  DATA_QUALITY(
      Program.of("data-quality", RunnableModule.BATCH, "dev.catcafe.batch.quality.DataQualityJob")
          // The lake only: the profiles it checks ids against are the snapshot job's lake copies.
          .reading(CATALOG)
          .restarting(Restart.onFailure(2)),
      JobKind.BATCH,
      List.of(),
      null,
      Placement.EXECUTORS,
      new JobResources(1, "2g", 1, 1, "2g"),
      // Last: after the summary it checks, and after maintenance, which a failed check must not
      // hold back in the local scheduler's cycle (it ends at the first failure).
      "0 3 * * *");

  private final Program program;
  private final JobKind kind;
  private final List<String> arguments;
  private final String checkpointOption;
  private final Placement placement;
  private final JobResources resources;
  private final String schedule;

  SparkJob(
      Program program,
      JobKind kind,
      List<String> arguments,
      String checkpointOption,
      Placement placement,
      JobResources resources,
      String schedule) {
    // Every Spark job writes its event log for the History Server (JvmApp.HISTORY_SERVER).
    this.program = program.runningSpark().reading(SettingsGroup.EVENT_LOG);
    this.kind = kind;
    this.arguments = List.copyOf(arguments);
    this.checkpointOption = checkpointOption;
    this.placement = placement;
    this.resources = resources;
    this.schedule = schedule;
    String jobName = program.jobName();
    if ((kind == JobKind.BATCH) != (schedule != null)) {
      throw new IllegalArgumentException(jobName + ": batch jobs need a schedule, streaming none");
    }
    if (kind == JobKind.STREAMING && program.restart().policy() != RestartPolicy.Always) {
      throw new IllegalArgumentException(jobName + ": a streaming job must always come back");
    }
    if ((placement == Placement.DRIVER_ONLY) != (resources.executors() == 0)) {
      throw new IllegalArgumentException(jobName + ": executors only for jobs placed on executors");
    }
  }

  @Override
  public Program program() {
    return program;
  }

  public JobKind kind() {
    return kind;
  }

  public Placement placement() {
    return placement;
  }

  public JobResources resources() {
    return resources;
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
