package dev.catcafe.sparkapps;

import static dev.catcafe.sparkapps.Yaml.map;
import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.Releases;
import dev.catcafe.model.jobs.JobKind;
import dev.catcafe.model.jobs.JobResources;
import dev.catcafe.model.jobs.Restart;
import dev.catcafe.model.jobs.SparkJob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renders a {@link SparkJob} as an Apache Spark Kubernetes Operator {@code SparkApplication}
 * ({@code spark.apache.org/v1}).
 */
public final class SparkApplications {
  public static final String API_VERSION = "spark.apache.org/v1";
  public static final String KIND = "SparkApplication";
  public static final String SPARK_VERSION = Releases.SPARK;
  public static final String SCALA_VERSION = Releases.SCALA_BINARY;
  public static final String DRIVER_CONTAINER = "spark-kubernetes-driver";
  public static final String EXECUTOR_CONTAINER = "spark-kubernetes-executor";

  /** The master a driver with executors uses: the API server, as seen from inside the cluster. */
  public static final String IN_CLUSTER_MASTER = "k8s://https://kubernetes.default.svc:443";

  /** A finished batch application is deleted after two days (its logs stay in the driver pod). */
  static final long BATCH_TTL_MILLIS = 2L * 24 * 60 * 60 * 1000;

  private SparkApplications() {}

  /** A named application (streaming jobs: exactly one instance runs). */
  public static Map<String, Object> named(SparkJob job, ClusterProfile profile) {
    return application(
        job, profile, Yaml.metadata(job.jobName(), profile.namespace(), job.jobName()));
  }

  /** An application with a generated name (batch runs: a fresh one per schedule tick). */
  public static Map<String, Object> generated(SparkJob job, ClusterProfile profile) {
    return application(
        job,
        profile,
        map(
            "generateName",
            job.jobName() + "-",
            "namespace",
            profile.namespace(),
            "labels",
            Yaml.labels(job.jobName())));
  }

  private static Map<String, Object> application(
      SparkJob job, ClusterProfile profile, Map<String, Object> metadata) {
    requireNonNull(job, "job is null");
    requireNonNull(profile, "profile is null");
    return Yaml.resource(
        API_VERSION,
        KIND,
        metadata,
        "spec",
        map(
            "mainClass",
            job.mainClass(),
            "jars",
            jarUri(job),
            "driverArgs",
            driverArgs(job, profile),
            "sparkConf",
            sparkConf(job, profile),
            "runtimeVersions",
            map("sparkVersion", SPARK_VERSION, "scalaVersion", SCALA_VERSION),
            "applicationTolerations",
            tolerations(job),
            "driverSpec",
            map("podTemplateSpec", driverTemplate(job, profile)),
            "executorSpec",
            map("podTemplateSpec", executorTemplate(job, profile))));
  }

  /** The job's arguments on {@code profile}: the catalog's fixed ones, then the checkpoint. */
  public static List<String> driverArgs(SparkJob job, ClusterProfile profile) {
    requireNonNull(profile, "profile is null");
    return Stream.concat(
            job.arguments().stream(),
            job.checkpointOption().stream()
                .map(option -> option + "=" + profile.checkpointLocation(job.jobName())))
        .toList();
  }

  /** The Spark master the job's own session builder is given (through {@code SPARK_MASTER}). */
  public static String sparkMaster(SparkJob job) {
    return switch (job.placement()) {
      case EXECUTORS -> IN_CLUSTER_MASTER;
      case DRIVER_ONLY -> "local[%d]".formatted(job.resources().driverCores());
    };
  }

  /** The module jar in the Spark jobs image (its dependencies sit in {@code /opt/spark/jars}). */
  public static String jarUri(SparkJob job) {
    return "local:///opt/catcafe/jars/%s.jar".formatted(job.module().artifactId());
  }

  /**
   * The Spark settings: image, identity and sizes. The lake's settings are not among them: the job
   * reads them from its environment (the ConfigMap and the Secrets) and sets the catalog, its
   * object store and S3A itself ({@code SparkCatalogConf}), so they have one home and a variant
   * (the cloud's S3 with pod identity) changes the ConfigMap only.
   */
  public static Map<String, String> sparkConf(SparkJob job, ClusterProfile profile) {
    JobResources resources = job.resources();
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.kubernetes.container.image", profile.sparkJobsImage());
    conf.put("spark.kubernetes.container.image.pullPolicy", "IfNotPresent");
    conf.put(
        "spark.kubernetes.authenticate.driver.serviceAccountName",
        ClusterProfile.SPARK_SERVICE_ACCOUNT);
    // Executors write the lake but use no API: their own account, the lake's role under pod
    // identity.
    conf.put(
        "spark.kubernetes.authenticate.executor.serviceAccountName",
        ClusterProfile.LAKE_SERVICE_ACCOUNT);
    conf.put("spark.kubernetes.driver.podTemplateContainerName", DRIVER_CONTAINER);
    conf.put("spark.kubernetes.executor.podTemplateContainerName", EXECUTOR_CONTAINER);
    conf.put("spark.driver.cores", Integer.toString(resources.driverCores()));
    conf.put("spark.driver.memory", resources.driverMemory());
    conf.put("spark.kubernetes.driver.request.cores", Integer.toString(resources.driverCores()));
    conf.put("spark.kubernetes.driver.limit.cores", Integer.toString(resources.driverCores()));
    conf.put("spark.executor.instances", Integer.toString(resources.executors()));
    if (resources.executors() > 0) {
      conf.put("spark.executor.cores", Integer.toString(resources.executorCores()));
      conf.put("spark.executor.memory", resources.executorMemory());
      conf.put(
          "spark.kubernetes.executor.request.cores", Integer.toString(resources.executorCores()));
      conf.put(
          "spark.kubernetes.executor.limit.cores", Integer.toString(resources.executorCores()));
    }
    if (!job.jvmOptions().isEmpty()) {
      // The same options as locally (bin/run-job), on whichever JVM runs the job's tasks.
      String options = String.join(" ", job.jvmOptions());
      conf.put("spark.driver.extraJavaOptions", options);
      if (resources.executors() > 0) {
        conf.put("spark.executor.extraJavaOptions", options);
      }
    }
    return conf;
  }

  private static Map<String, Object> tolerations(SparkJob job) {
    Restart restart = job.restart();
    Map<String, Object> restartConfig =
        map(
            "restartPolicy",
            restart.policy().name(),
            "maxRestartAttempts",
            restart.maxAttempts(),
            "restartBackoffMillis",
            restart.backoff().toMillis(),
            "restartCounterResetMillis",
            restart.counterReset().isZero() ? null : restart.counterReset().toMillis());
    int executors = job.resources().executors();
    return map(
        "restartConfig",
        restartConfig,
        "instanceConfig",
        map(
            "initExecutors",
            executors,
            "minExecutors",
            executors == 0 ? 0 : 1,
            "maxExecutors",
            executors),
        // Keep a failed attempt's pods for inspection; a finished batch run goes after a while.
        "resourceRetainPolicy",
        "OnFailure",
        "ttlAfterStopMillis",
        job.kind() == JobKind.BATCH ? BATCH_TTL_MILLIS : null);
  }

  private static Map<String, Object> driverTemplate(SparkJob job, ClusterProfile profile) {
    Map<String, String> literals = new LinkedHashMap<>();
    // The jobs' own session builders take the master from SPARK_MASTER (see #sparkMaster).
    literals.put("SPARK_MASTER", sparkMaster(job));
    literals.put("HOME", "/tmp");
    if (job.metricsPort().isPresent()) {
      // The job's --metrics-host reads it: bound to 127.0.0.1 locally, reachable in a pod.
      literals.put("METRICS_HOST", Monitoring.POD_METRICS_HOST);
    }
    Map<String, Object> container =
        map(
            "name",
            DRIVER_CONTAINER,
            "ports",
            job.metricsPort().isPresent()
                ? List.of(
                    map(
                        "name",
                        Monitoring.PORT_NAME,
                        "containerPort",
                        job.metricsPort().getAsInt(),
                        "protocol",
                        "TCP"))
                : null,
            "env",
            Workloads.environment(job, literals),
            "securityContext",
            Workloads.containerSecurityContext(),
            "volumeMounts",
            List.of(Workloads.tmpMount()));
    return podTemplate(job, profile, "driver", container);
  }

  private static Map<String, Object> executorTemplate(SparkJob job, ClusterProfile profile) {
    Map<String, Object> container =
        map(
            "name",
            EXECUTOR_CONTAINER,
            "env",
            List.of(map("name", "HOME", "value", "/tmp")),
            "securityContext",
            Workloads.containerSecurityContext(),
            "volumeMounts",
            List.of(Workloads.tmpMount()));
    return podTemplate(job, profile, "executor", container);
  }

  private static Map<String, Object> podTemplate(
      SparkJob job, ClusterProfile profile, String role, Map<String, Object> container) {
    Map<String, Object> labels = Yaml.labels(job.jobName());
    labels.put("catcafe.dev/spark-role", role);
    return map(
        "metadata",
        map("labels", labels),
        "spec",
        map(
            "serviceAccountName",
            role.equals("driver")
                ? ClusterProfile.SPARK_SERVICE_ACCOUNT
                : ClusterProfile.LAKE_SERVICE_ACCOUNT,
            "automountServiceAccountToken",
            role.equals("driver") ? null : Boolean.FALSE,
            // The driver runs the job, which on SIGTERM lets its running batch finish within its
            // --stop-timeout; the kubelet kills it only after that and the JVM's exit.
            "terminationGracePeriodSeconds",
            role.equals("driver") ? job.stopGrace().toSeconds() : null,
            "securityContext",
            Workloads.podSecurityContext(Workloads.SPARK_USER),
            "containers",
            List.of(container),
            "volumes",
            List.of(Workloads.tmpVolume())));
  }
}
