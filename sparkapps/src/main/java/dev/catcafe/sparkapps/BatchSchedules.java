package dev.catcafe.sparkapps;

import static dev.catcafe.sparkapps.Yaml.map;
import static java.util.Objects.requireNonNull;

import dev.catcafe.model.jobs.JobKind;
import dev.catcafe.model.jobs.PodResources;
import dev.catcafe.model.jobs.SparkJob;
import java.util.List;
import java.util.Map;

/**
 * The Spark operator has no cron: a batch job is a {@code batch/v1} CronJob whose pod creates a
 * fresh SparkApplication (with a generated name) from a template kept in a ConfigMap. The pod runs
 * {@code kubectl create} under a service account that may only create SparkApplications.
 */
public final class BatchSchedules {
  /** A pinned kubectl image (distroless: kubectl and nothing else). */
  public static final String KUBECTL_IMAGE = "registry.k8s.io/kubectl:v1.34.1";

  /** The key of the SparkApplication template in the ConfigMap, and its file name when mounted. */
  public static final String TEMPLATE_KEY = "spark-application.yaml";

  private static final String TEMPLATE_DIRECTORY = "/etc/catcafe/template";

  private BatchSchedules() {}

  public static String templateName(SparkJob job) {
    return job.jobName() + "-template";
  }

  /** The ConfigMap holding the SparkApplication that each run creates. */
  public static Map<String, Object> template(SparkJob job, ClusterProfile profile) {
    requireBatch(job);
    return Yaml.configMap(
        Yaml.metadata(templateName(job), profile.namespace(), job.jobName()),
        map(TEMPLATE_KEY, Yaml.document(SparkApplications.generated(job, profile))));
  }

  /** The CronJob that creates one SparkApplication per tick. */
  public static Map<String, Object> cronJob(SparkJob job, ClusterProfile profile) {
    requireBatch(job);
    Map<String, Object> container =
        map(
            "name",
            "create-spark-application",
            "image",
            KUBECTL_IMAGE,
            "command",
            List.of("kubectl", "create", "-f", TEMPLATE_DIRECTORY + "/" + TEMPLATE_KEY),
            // kubectl caches discovery under $HOME; the root file system is read-only.
            "env",
            List.of(map("name", "HOME", "value", "/tmp")),
            "resources",
            Workloads.resources(new PodResources("50m", "64Mi", "200m", "128Mi")),
            "securityContext",
            Workloads.containerSecurityContext(),
            "volumeMounts",
            List.of(
                map("name", "template", "mountPath", TEMPLATE_DIRECTORY, "readOnly", true),
                Workloads.tmpMount()));
    Map<String, Object> podSpec =
        map(
            "serviceAccountName",
            ClusterProfile.LAUNCHER_SERVICE_ACCOUNT,
            "restartPolicy",
            "Never",
            "securityContext",
            Workloads.podSecurityContext(Workloads.NONROOT_USER),
            "containers",
            List.of(container),
            "volumes",
            List.of(
                map("name", "template", "configMap", map("name", templateName(job))),
                Workloads.tmpVolume()));
    return Yaml.resource(
        "batch/v1",
        "CronJob",
        Yaml.metadata(job.jobName(), profile.namespace(), job.jobName()),
        "spec",
        map(
            "schedule",
            job.schedule().orElseThrow(),
            "timeZone",
            "Etc/UTC",
            // A run missed by more than an hour is skipped: the next tick catches up (the jobs
            // rewrite whole days, so a late run loses nothing).
            "startingDeadlineSeconds",
            3600L,
            "concurrencyPolicy",
            "Forbid",
            "successfulJobsHistoryLimit",
            3,
            "failedJobsHistoryLimit",
            3,
            "jobTemplate",
            map(
                "spec",
                map(
                    "backoffLimit",
                    2,
                    "activeDeadlineSeconds",
                    300L,
                    "template",
                    map("metadata", map("labels", Yaml.labels(job.jobName())), "spec", podSpec)))));
  }

  private static void requireBatch(SparkJob job) {
    if (requireNonNull(job, "job is null").kind() != JobKind.BATCH) {
      throw new IllegalArgumentException(job.jobName() + " is not a batch job");
    }
  }
}
