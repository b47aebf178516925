package dev.catcafe.model.jobs;

import static dev.catcafe.model.jobs.SettingsGroup.CATALOG;
import static dev.catcafe.model.jobs.SettingsGroup.KAFKA;
import static java.util.Objects.requireNonNull;

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
          .reading(KAFKA, CATALOG),
      // The original committed every 120 s; fewer, larger files than a 30 s trigger.
      Launch.streaming(
              "--checkpoint-root", new JobResources(1, "2g", 2, 1, "2g"), "--trigger-interval=2m")
          // A throughput job, CPU-bound on allocation-heavy rows: the parallel collector's cheaper
          // write barriers and young collections gave a median 17% more events/s than G1 over
          // seven interleaved runs of a 10M backlog (README, performance); its longer pauses only
          // delay the commit of a 2 min batch.
          // The C2 thresholds ten times Java's: the hot loop is a few dozen methods called per
          // record, which cross any threshold within seconds, while the driver's lukewarm code
          // (the closure cleaner's bytecode reader, Java serialization, planning) kept a core
          // compiling through a cold start's first 20 s. Less CPU for the same events (README,
          // performance).
          .withJvmOptions(
              "-XX:+UseParallelGC",
              "-XX:Tier4InvocationThreshold=50000",
              "-XX:Tier4MinInvocationThreshold=6000",
              "-XX:Tier4CompileThreshold=150000",
              "-XX:Tier4BackEdgeThreshold=400000")),
  WELLNESS_GUARDIAN(
      Program.of(
              "wellness-guardian",
              RunnableModule.STREAMING,
              "dev.catcafe.streaming.alerts.WellnessGuardianJob")
          .reading(KAFKA),
      Launch.realTime()),
  ADOPTER_DETECTIVE(
      Program.of(
              "adopter-detective",
              RunnableModule.STREAMING,
              "dev.catcafe.streaming.alerts.AdopterDetectiveJob")
          .reading(KAFKA),
      Launch.realTime()),
  PROFILE_SNAPSHOT(
      Program.of(
              "profile-snapshot",
              RunnableModule.BATCH,
              "dev.catcafe.batch.snapshot.ProfileSnapshotJob")
          .reading(CATALOG)
          .connectingAs(PostgresRole.PROFILE_READER),
      // Daily, in this order: profiles first so the summary sees today's names, then maintenance.
      Launch.batch("15 0 * * *", new JobResources(1, "2g", 1, 1, "2g"))),
  DAILY_CAT_SUMMARY(
      Program.of(
              "daily-cat-summary",
              RunnableModule.BATCH,
              "dev.catcafe.batch.summary.DailyCatSummaryJob")
          .reading(CATALOG),
      Launch.batch("45 0 * * *", new JobResources(1, "2g", 2, 2, "4g"))),
  TABLE_MAINTENANCE(
      Program.of(
              "table-maintenance",
              RunnableModule.BATCH,
              "dev.catcafe.batch.maintenance.TableMaintenanceJob")
          .reading(CATALOG),
      // The one maintenance policy, as the local scheduler runs it (every lake table expires).
      Launch.batch(
          "30 2 * * *",
          new JobResources(1, "2g", 2, 2, "4g"),
          MaintenancePolicy.SCHEDULED.arguments())),
  DATA_QUALITY(
      Program.of("data-quality", RunnableModule.BATCH, "dev.catcafe.batch.quality.DataQualityJob")
          // The lake only: the profiles it checks ids against are the snapshot job's lake copies.
          .reading(CATALOG),
      // Last: after the summary it checks, and after maintenance, which a failed check must not
      // hold back in the local scheduler's cycle (it ends at the first failure).
      Launch.batch("0 3 * * *", new JobResources(1, "2g", 1, 1, "2g")));

  /**
   * How the cluster launches a Spark job, beside what its {@link Program} says: streaming jobs run
   * until stopped, take their checkpoint through an option and always come back; batch jobs run on
   * a cron schedule and are retried twice after a failure.
   *
   * @param kind streaming or batch
   * @param arguments the fixed arguments of every cluster run, before the checkpoint option
   * @param checkpointOption the option that takes the checkpoint location; null for batch jobs
   * @param resources what the driver (and the executors, if any) ask Kubernetes for
   * @param schedule the cron schedule (UTC) of a batch job; null for streaming jobs
   * @param restart when the job is started again after it ended
   * @param jvmOptions JVM options of the job's driver and executors, beside their heap
   */
  private record Launch(
      JobKind kind,
      List<String> arguments,
      String checkpointOption,
      JobResources resources,
      String schedule,
      Restart restart,
      List<String> jvmOptions) {
    private Launch {
      requireNonNull(kind, "kind is null");
      arguments = List.copyOf(arguments);
      jvmOptions = List.copyOf(jvmOptions);
      for (String option : jvmOptions) {
        if (!option.startsWith("-") || option.chars().anyMatch(Character::isWhitespace)) {
          throw new IllegalArgumentException("not one JVM option: '" + option + "'");
        }
      }
      requireNonNull(resources, "resources is null");
      requireNonNull(restart, "restart is null");
      if ((kind == JobKind.STREAMING) != (checkpointOption != null && schedule == null)) {
        throw new IllegalArgumentException(
            "streaming jobs take a checkpoint option and no schedule, batch jobs the reverse");
      }
    }

    static Launch streaming(String checkpointOption, JobResources resources, String... arguments) {
      requireNonNull(checkpointOption, "checkpointOption is null");
      return new Launch(
          JobKind.STREAMING,
          List.of(arguments),
          checkpointOption,
          resources,
          null,
          Restart.always(10),
          List.of());
    }

    /**
     * The alert jobs' launch: real-time mode from the newest records, on the driver alone.
     * Real-time mode holds one task slot per Kafka partition (3) for the whole batch.
     */
    static Launch realTime() {
      return streaming(
          "--checkpoint-location",
          JobResources.driverOnly(4, "2g"),
          "--mode=realtime",
          "--starting-offsets=latest");
    }

    static Launch batch(String schedule, JobResources resources) {
      return batch(schedule, resources, List.of());
    }

    static Launch batch(String schedule, JobResources resources, List<String> arguments) {
      requireNonNull(schedule, "schedule is null");
      return new Launch(
          JobKind.BATCH, arguments, null, resources, schedule, Restart.onFailure(2), List.of());
    }

    Launch withJvmOptions(String... options) {
      return new Launch(
          kind, arguments, checkpointOption, resources, schedule, restart, List.of(options));
    }
  }

  private final Program program;
  private final Launch launch;

  SparkJob(Program program, Launch launch) {
    // Every Spark job writes its event log for the History Server (JvmApp.HISTORY_SERVER).
    this.program =
        program.runningSpark().reading(SettingsGroup.EVENT_LOG).restarting(launch.restart());
    this.launch = launch;
  }

  @Override
  public Program program() {
    return program;
  }

  public JobKind kind() {
    return launch.kind();
  }

  /** Driver-only exactly when the job asks for no executor pods. */
  public Placement placement() {
    return launch.resources().executors() == 0 ? Placement.DRIVER_ONLY : Placement.EXECUTORS;
  }

  public JobResources resources() {
    return launch.resources();
  }

  /**
   * A streaming job finishes its running batch within {@code --stop-timeout} (default {@link
   * LifecycleSettings#defaults()}) and then exits; a batch job gets Kubernetes' default 30 s.
   */
  @Override
  public Duration stopGrace() {
    return kind() == JobKind.STREAMING
        ? LifecycleSettings.defaults().stopGrace()
        : JvmApp.DEFAULT_STOP_GRACE;
  }

  /** The cron schedule of a batch job (UTC); empty for streaming jobs. */
  public Optional<String> schedule() {
    return Optional.ofNullable(launch.schedule());
  }

  /** JVM options of the driver and the executors, locally and in the cluster alike. */
  @Override
  public List<String> jvmOptions() {
    return launch.jvmOptions();
  }

  /** The fixed arguments of every cluster run, before the checkpoint option. */
  public List<String> arguments() {
    return launch.arguments();
  }

  /** The option that takes the job's checkpoint location; empty for jobs without a checkpoint. */
  public Optional<String> checkpointOption() {
    return Optional.ofNullable(launch.checkpointOption());
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
