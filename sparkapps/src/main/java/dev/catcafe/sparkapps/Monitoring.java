package dev.catcafe.sparkapps;

import static dev.catcafe.sparkapps.Yaml.map;
import static java.util.Objects.requireNonNull;

import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.jobs.JvmApp.Deployment;
import dev.catcafe.model.jobs.SparkJob;
import dev.catcafe.model.monitoring.MonitoringPolicy;
import dev.catcafe.model.monitoring.PrometheusConfig;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The cluster's share of the monitoring, for the Prometheus Operator (kube-prometheus, {@code
 * monitoring.coreos.com/v1}): a PodMonitor per Spark job with a metrics port, scraping its driver
 * pod's {@value #PORT_NAME} port, and per Deployment whose program has one (the alert UI, the
 * simulator), each with the program's catalog name as the {@code job} label (the label the rules
 * read), and one PrometheusRule holding the rules the local Prometheus loads ({@link
 * PrometheusConfig#ruleGroups}) over these jobs: the batch scheduler is local-only, the cluster's
 * batch CronJobs export no metrics yet.
 */
public final class Monitoring {
  public static final String API_VERSION = "monitoring.coreos.com/v1";

  /** The name of the driver container's metrics port. */
  public static final String PORT_NAME = "metrics";

  /**
   * Where a driver binds its metrics endpoint in a pod: every interface, so Prometheus reaches it.
   */
  public static final String POD_METRICS_HOST = "0.0.0.0";

  private Monitoring() {}

  /** The Spark jobs the cluster's Prometheus scrapes, in catalog order. */
  public static List<SparkJob> scrapedJobs() {
    return Arrays.stream(SparkJob.values()).filter(job -> job.metricsPort().isPresent()).toList();
  }

  /**
   * The Deployments' programs the cluster's Prometheus scrapes (those with a metrics port that run
   * in the cluster: the alert UI, the simulator's producer), in catalog order.
   */
  public static List<JvmApp> scrapedApps() {
    return Arrays.stream(JvmApp.values())
        .filter(app -> app.metricsPort().isPresent() && app.deployment() == Deployment.CLUSTER)
        .toList();
  }

  /** Every scraped program's catalog name: the {@code job} label the rules read. */
  public static List<String> scrapedNames() {
    return Stream.concat(
            scrapedJobs().stream().map(SparkJob::jobName),
            scrapedApps().stream().map(JvmApp::jobName))
        .toList();
  }

  /** The PodMonitors, then the PrometheusRule. */
  public static List<Object> all(ClusterProfile profile) {
    requireNonNull(profile, "profile is null");
    List<Object> documents = new ArrayList<>();
    for (SparkJob job : scrapedJobs()) {
      documents.add(
          podMonitor(
              job.jobName(),
              map("app.kubernetes.io/component", job.jobName(), "catcafe.dev/spark-role", "driver"),
              profile));
    }
    for (JvmApp app : scrapedApps()) {
      documents.add(
          podMonitor(
              app.jobName(),
              map("app.kubernetes.io/component", Applications.deploymentName(app)),
              profile));
    }
    documents.add(prometheusRule(profile));
    return documents;
  }

  /** A PodMonitor of the pods {@code matchLabels} select, their metrics under {@code jobName}. */
  static Map<String, Object> podMonitor(
      String jobName, Map<String, Object> matchLabels, ClusterProfile profile) {
    return Yaml.resource(
        API_VERSION,
        "PodMonitor",
        Yaml.metadata(jobName, profile.namespace(), jobName),
        "spec",
        map(
            "selector",
            map("matchLabels", matchLabels),
            "podMetricsEndpoints",
            List.of(
                map(
                    "port",
                    PORT_NAME,
                    "path",
                    "/metrics",
                    "interval",
                    PrometheusConfig.duration(MonitoringPolicy.DEFAULT.scrapeInterval()),
                    // The rules name jobs as the catalog does: raw-ingestion, not
                    // namespace/monitor.
                    "relabelings",
                    List.of(
                        map("targetLabel", "job", "replacement", jobName, "action", "replace"))))));
  }

  static Map<String, Object> prometheusRule(ClusterProfile profile) {
    return Yaml.resource(
        API_VERSION,
        "PrometheusRule",
        Yaml.metadata("catcafe-rules", profile.namespace(), "monitoring"),
        "spec",
        map("groups", PrometheusConfig.ruleGroups(MonitoringPolicy.DEFAULT, scrapedNames())));
  }
}
