package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.jobs.SparkJob;
import dev.catcafe.model.monitoring.MonitoringPolicy;
import dev.catcafe.model.monitoring.PrometheusConfig;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The committed monitoring manifests: the cluster's Prometheus runs the very rules the local one
 * loads, and scrapes each streaming driver on the port its job serves metrics on.
 */
final class TestMonitoringManifests {
  private static final List<ManifestDocument> DOCUMENTS = ManifestDocument.all();

  @Test
  void thePrometheusRuleHoldsTheLocalRulesLessTheBatchSchedulers() throws Exception {
    JsonNode local =
        new ObjectMapper()
            .readTree(
                PrometheusConfig.render(PrometheusConfig.rulesFile(MonitoringPolicy.DEFAULT))
                    .lines()
                    .filter(line -> !line.startsWith("#"))
                    .reduce("", (text, line) -> text + line + "\n"));
    JsonNode rule = only("PrometheusRule", "catcafe-rules");
    assertThat(rule.path("spec").path("groups").findValuesAsText("record"))
        .isEqualTo(local.path("groups").findValuesAsText("record"));
    assertThat(local.path("groups").findValuesAsText("alert"))
        .containsExactly(
            PrometheusConfig.JOB_DOWN,
            PrometheusConfig.INGESTION_LAG_GROWING,
            PrometheusConfig.NO_HEALTH_ALERTS,
            PrometheusConfig.DEAD_LETTERS_HIGH,
            PrometheusConfig.BATCH_RUN_FAILED,
            PrometheusConfig.BATCH_RUN_MISSING);
    // The same expressions but the job-down one, whose job list has the cluster's jobs only.
    assertThat(rule.path("spec").path("groups").findValuesAsText("expr").subList(3, 6))
        .isEqualTo(local.path("groups").findValuesAsText("expr").subList(3, 6));
    assertThat(rule.path("spec").path("groups").findValuesAsText("expr").get(2))
        .doesNotContain("batch-scheduler")
        .contains("absent(up{job=\"adopter-detective\"})");
    assertThat(rule.path("spec").path("groups").findValuesAsText("alert"))
        .containsExactly(
            PrometheusConfig.JOB_DOWN,
            PrometheusConfig.INGESTION_LAG_GROWING,
            PrometheusConfig.NO_HEALTH_ALERTS,
            PrometheusConfig.DEAD_LETTERS_HIGH);
  }

  @Test
  void eachStreamingDriverIsScrapedOnItsCatalogPortUnderItsCatalogName() {
    assertThat(Monitoring.scrapedJobs())
        .containsExactly(
            SparkJob.RAW_INGESTION, SparkJob.WELLNESS_GUARDIAN, SparkJob.ADOPTER_DETECTIVE);
    for (SparkJob job : Monitoring.scrapedJobs()) {
      JsonNode monitor = only("PodMonitor", job.jobName());
      JsonNode endpoint = monitor.path("spec").path("podMetricsEndpoints").get(0);
      assertThat(endpoint.path("port").asText()).isEqualTo(Monitoring.PORT_NAME);
      assertThat(endpoint.path("relabelings").get(0).path("replacement").asText())
          .isEqualTo(job.jobName());
      assertThat(
              monitor
                  .path("spec")
                  .path("selector")
                  .path("matchLabels")
                  .path("catcafe.dev/spark-role")
                  .asText())
          .isEqualTo("driver");

      JsonNode driver =
          only("SparkApplication", job.jobName())
              .path("spec")
              .path("driverSpec")
              .path("podTemplateSpec");
      assertThat(
              driver.path("metadata").path("labels").path("app.kubernetes.io/component").asText())
          .isEqualTo(job.jobName());
      JsonNode container = driver.path("spec").path("containers").get(0);
      JsonNode port = container.path("ports").get(0);
      assertThat(port.path("name").asText()).isEqualTo(Monitoring.PORT_NAME);
      assertThat(port.path("containerPort").asInt()).isEqualTo(job.metricsPort().getAsInt());
      assertThat(container.path("env").findValuesAsText("value"))
          .as("the driver binds every interface in its pod")
          .contains(Monitoring.POD_METRICS_HOST);
    }
  }

  @Test
  void theUiAndTheSimulatorAreScrapedInTheirDeploymentsPodsUnderTheirCatalogNames() {
    assertThat(Monitoring.scrapedApps())
        .containsExactly(JvmApp.ALERT_UI, JvmApp.SIMULATOR_PRODUCER);
    for (JvmApp app : Monitoring.scrapedApps()) {
      String deployment = Applications.deploymentName(app);
      JsonNode monitor = only("PodMonitor", app.jobName());
      assertThat(
              monitor
                  .path("spec")
                  .path("selector")
                  .path("matchLabels")
                  .path("app.kubernetes.io/component")
                  .asText())
          .isEqualTo(deployment);
      assertThat(
              monitor
                  .path("spec")
                  .path("podMetricsEndpoints")
                  .get(0)
                  .path("relabelings")
                  .get(0)
                  .path("replacement")
                  .asText())
          .isEqualTo(app.jobName());

      JsonNode pod = only("Deployment", deployment).path("spec").path("template");
      assertThat(pod.path("metadata").path("labels").path("app.kubernetes.io/component").asText())
          .isEqualTo(deployment);
      List<JsonNode> metricsPorts =
          pod.path("spec").path("containers").findValues("ports").stream()
              .flatMap(ports -> StreamSupport.stream(ports.spliterator(), false))
              .filter(port -> port.path("name").asText().equals(Monitoring.PORT_NAME))
              .toList();
      assertThat(metricsPorts).as("%s's metrics port", deployment).hasSize(1);
      assertThat(metricsPorts.get(0).path("containerPort").asInt())
          .isEqualTo(app.metricsPort().getAsInt());
      assertThat(pod.path("spec").path("containers").findValuesAsText("value"))
          .as("%s binds its metrics on every interface in its pod", deployment)
          .contains(Monitoring.POD_METRICS_HOST);
    }
  }

  private static JsonNode only(String kind, String name) {
    List<JsonNode> found =
        DOCUMENTS.stream()
            .filter(document -> document.kind().equals(kind) && document.name().equals(name))
            .map(ManifestDocument::tree)
            .toList();
    assertThat(found).as("%s %s", kind, name).hasSize(1);
    return found.get(0);
  }
}
