package dev.catcafe.sparkapps;

import static dev.catcafe.sparkapps.SettingsGroup.CATALOG;
import static dev.catcafe.sparkapps.SettingsGroup.KAFKA;
import static dev.catcafe.sparkapps.SettingsGroup.POSTGRES;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every Spark job of the lakehouse, declared once: the manifests generator turns each into a
 * SparkApplication (streaming) or a CronJob that creates one (batch), and the tests check the
 * declarations against the source tree. Adding a job means adding a constant here and running
 * {@code make manifests}.
 */
public enum SparkJob {
  RAW_INGESTION(
      "raw-ingestion",
      "dev.catcafe.streaming.ingest.RawIngestionJob",
      JobModule.STREAMING,
      JobKind.STREAMING,
      // The original committed every 120 s; fewer, larger files than a 30 s trigger.
      List.of("--trigger-interval=2m"),
      "--checkpoint-root",
      EnumSet.of(KAFKA, CATALOG),
      Placement.EXECUTORS,
      new JobResources(1, "2g", 2, 1, "2g"),
      Restart.always(10),
      null),
  WELLNESS_GUARDIAN(
      "wellness-guardian",
      "dev.catcafe.streaming.alerts.WellnessGuardianJob",
      JobModule.STREAMING,
      JobKind.STREAMING,
      List.of("--mode=realtime", "--starting-offsets=latest"),
      "--checkpoint-location",
      EnumSet.of(KAFKA),
      Placement.DRIVER_ONLY,
      // Real-time mode holds one task slot per Kafka partition (3) for the whole batch.
      JobResources.driverOnly(4, "2g"),
      Restart.always(10),
      null),
  ADOPTER_DETECTIVE(
      "adopter-detective",
      "dev.catcafe.streaming.alerts.AdopterDetectiveJob",
      JobModule.STREAMING,
      JobKind.STREAMING,
      List.of("--starting-offsets=latest"),
      "--checkpoint-location",
      EnumSet.of(KAFKA),
      Placement.DRIVER_ONLY,
      JobResources.driverOnly(2, "2g"),
      Restart.always(10),
      null),
  PROFILE_SNAPSHOT(
      "profile-snapshot",
      "dev.catcafe.batch.snapshot.ProfileSnapshotJob",
      JobModule.BATCH,
      JobKind.BATCH,
      List.of(),
      null,
      EnumSet.of(CATALOG, POSTGRES),
      Placement.EXECUTORS,
      new JobResources(1, "2g", 1, 1, "2g"),
      Restart.onFailure(2),
      // Daily, in this order: profiles first so the summary sees today's names, then maintenance.
      "15 0 * * *"),
  DAILY_CAT_SUMMARY(
      "daily-cat-summary",
      "dev.catcafe.batch.summary.DailyCatSummaryJob",
      JobModule.BATCH,
      JobKind.BATCH,
      List.of(),
      null,
      EnumSet.of(CATALOG),
      Placement.EXECUTORS,
      new JobResources(1, "2g", 2, 2, "4g"),
      Restart.onFailure(2),
      "45 0 * * *"),
  TABLE_MAINTENANCE(
      "table-maintenance",
      "dev.catcafe.batch.maintenance.TableMaintenanceJob",
      JobModule.BATCH,
      JobKind.BATCH,
      List.of(),
      null,
      EnumSet.of(CATALOG),
      Placement.EXECUTORS,
      new JobResources(1, "2g", 2, 2, "4g"),
      Restart.onFailure(2),
      "30 2 * * *");

  /** The master a driver with executors uses: the API server, as seen from inside the cluster. */
  public static final String IN_CLUSTER_MASTER = "k8s://https://kubernetes.default.svc:443";

  private final String jobName;
  private final String mainClass;
  private final JobModule module;
  private final JobKind kind;
  private final List<String> arguments;
  private final String checkpointOption;
  private final Set<SettingsGroup> settings;
  private final Placement placement;
  private final JobResources resources;
  private final Restart restart;
  private final String schedule;

  SparkJob(
      String jobName,
      String mainClass,
      JobModule module,
      JobKind kind,
      List<String> arguments,
      String checkpointOption,
      Set<SettingsGroup> settings,
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
    this.settings = Set.copyOf(settings);
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
  public String jobName() {
    return jobName;
  }

  public String mainClass() {
    return mainClass;
  }

  public JobModule module() {
    return module;
  }

  public JobKind kind() {
    return kind;
  }

  public Set<SettingsGroup> settings() {
    return settings;
  }

  public Placement placement() {
    return placement;
  }

  public JobResources resources() {
    return resources;
  }

  public Restart restart() {
    return restart;
  }

  /** The cron schedule of a batch job (UTC); empty for streaming jobs. */
  public Optional<String> schedule() {
    return Optional.ofNullable(schedule);
  }

  /** The main class's arguments on {@code profile}: the fixed ones, then the checkpoint. */
  public List<String> driverArgs(ClusterProfile profile) {
    if (checkpointOption == null) {
      return arguments;
    }
    return Stream.concat(
            arguments.stream(),
            Stream.of(checkpointOption + "=" + profile.checkpointLocation(jobName)))
        .toList();
  }

  /** The Spark master the job's own session builder is given (through {@code SPARK_MASTER}). */
  public String sparkMaster() {
    return switch (placement) {
      case EXECUTORS -> IN_CLUSTER_MASTER;
      case DRIVER_ONLY -> "local[%d]".formatted(resources.driverCores());
    };
  }
}
