package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catcafe.model.jobs.SparkJob;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Every pod the manifests and the Helm values create runs hardened: non-root, runtime seccomp, no
 * privilege escalation, all capabilities dropped, a read-only root file system, pinned images, and
 * sized (requests and limits, or for Spark pods the driver and executor sizes Spark turns into
 * them).
 */
final class TestPodHardening {
  private static final List<ManifestDocument> DOCUMENTS = ManifestDocument.all();

  @Test
  void everyPodIsNonRootWithRuntimeSeccomp() {
    List<Pod> pods = pods();
    assertThat(pods).hasSizeGreaterThanOrEqualTo(SparkJob.values().length * 3);
    for (Pod pod : pods) {
      JsonNode context = pod.spec().path("securityContext");
      assertThat(context.path("runAsNonRoot").asBoolean()).as(pod.where()).isTrue();
      assertThat(context.path("runAsUser").asLong()).as(pod.where()).isPositive();
      assertThat(context.path("seccompProfile").path("type").asText())
          .as(pod.where())
          .isEqualTo("RuntimeDefault");
    }
  }

  @Test
  void everyContainerDropsAllCapabilitiesAndHasAReadOnlyRoot() {
    for (Pod pod : pods()) {
      for (JsonNode container : containers(pod.spec())) {
        String where = pod.where() + " container " + container.path("name").asText();
        JsonNode context = container.path("securityContext");
        assertThat(context.path("allowPrivilegeEscalation").isBoolean()).as(where).isTrue();
        assertThat(context.path("allowPrivilegeEscalation").asBoolean()).as(where).isFalse();
        assertThat(context.path("readOnlyRootFilesystem").asBoolean()).as(where).isTrue();
        assertThat(texts(context.path("capabilities").path("drop")))
            .as(where)
            .containsExactly("ALL");
        if (context.path("readOnlyRootFilesystem").asBoolean()) {
          assertThat(container.path("volumeMounts").findValuesAsText("mountPath"))
              .as("%s gets a writable /tmp", where)
              .contains("/tmp");
        }
      }
    }
  }

  @Test
  void everyNonSparkContainerHasRequestsAndLimitsAndAPinnedImage() {
    for (Pod pod : pods()) {
      if (pod.spark()) {
        continue;
      }
      for (JsonNode container : containers(pod.spec())) {
        String where = pod.where() + " container " + container.path("name").asText();
        JsonNode resources = container.path("resources");
        for (String bound : List.of("requests", "limits")) {
          for (String resource : List.of("cpu", "memory")) {
            assertThat(resources.path(bound).path(resource).asText())
                .as("%s %s.%s", where, bound, resource)
                .isNotEmpty();
          }
        }
        assertPinned(container.path("image").asText(), where);
      }
    }
  }

  @Test
  void sparkPodsAreSizedAndPinnedThroughSparkConf() {
    for (ManifestDocument document : DOCUMENTS) {
      if (!document.kind().equals(SparkApplications.KIND)) {
        continue;
      }
      JsonNode conf = document.tree().path("spec").path("sparkConf");
      for (String key :
          List.of(
              "spark.driver.cores",
              "spark.driver.memory",
              "spark.kubernetes.driver.request.cores",
              "spark.kubernetes.driver.limit.cores",
              "spark.executor.instances")) {
        assertThat(conf.path(key).asText()).as("%s %s", document, key).isNotEmpty();
      }
      if (conf.path("spark.executor.instances").asInt() > 0) {
        assertThat(conf.path("spark.executor.memory").asText())
            .as(document.toString())
            .isNotEmpty();
        assertThat(conf.path("spark.kubernetes.executor.limit.cores").asText()).isNotEmpty();
      }
      assertPinned(conf.path("spark.kubernetes.container.image").asText(), document.toString());
    }
  }

  private static void assertPinned(String image, String where) {
    assertThat(image)
        .as("%s image", where)
        .matches("[^:@\\s]+(:v?[0-9][\\w.\\-]*|@sha256:[0-9a-f]{64})");
    assertThat(image).as("%s image", where).doesNotEndWith(":latest");
  }

  /**
   * Where a chart takes a pod's and its containers' security contexts in our values: the charts
   * render them into the pods, so the values are what the cluster runs.
   */
  private record ChartPod(String values, String pods, String podContext, String containerContext) {
    JsonNode tree() {
      return ManifestDocument.parse(
              values, ProjectFiles.read(ProjectFiles.manifests().resolve(values)))
          .get(0)
          .tree();
    }
  }

  private static final String SUPERSET_VALUES = "helm/superset-values.yaml";

  private static final List<ChartPod> CHART_PODS =
      List.of(
          new ChartPod(
              Manifests.TRINO_VALUES, "Trino", "securityContext", "containerSecurityContext"),
          new ChartPod(
              SUPERSET_VALUES,
              "Superset web",
              "supersetNode.podSecurityContext",
              "supersetNode.containerSecurityContext"),
          new ChartPod(
              SUPERSET_VALUES,
              "Superset workers",
              "supersetWorker.podSecurityContext",
              "supersetWorker.containerSecurityContext"),
          new ChartPod(
              SUPERSET_VALUES,
              "Superset init job",
              "init.podSecurityContext",
              "init.containerSecurityContext"),
          // Bitnami's Redis takes the pod-level fields in the container's context.
          new ChartPod(
              SUPERSET_VALUES,
              "Superset's Redis",
              "redis.master.containerSecurityContext",
              "redis.master.containerSecurityContext"),
          new ChartPod(
              Manifests.JUPYTERHUB_VALUES,
              "notebook servers",
              "singleuser.extraPodConfig.securityContext",
              "singleuser.extraContainerConfig.securityContext"),
          new ChartPod(
              Manifests.JUPYTERHUB_VALUES,
              "JupyterHub",
              "hub.podSecurityContext",
              "hub.containerSecurityContext"),
          new ChartPod(
              Manifests.JUPYTERHUB_VALUES,
              "JupyterHub's proxy",
              "proxy.chp.extraPodSpec.securityContext",
              "proxy.chp.containerSecurityContext"));

  @Test
  void everyChartPodIsNonRootWithRuntimeSeccompAndAReadOnlyRoot() {
    for (ChartPod chart : CHART_PODS) {
      String where = chart.pods() + " in " + chart.values();
      JsonNode pod = at(chart.tree(), chart.podContext());
      assertThat(pod.path("runAsNonRoot").asBoolean()).as("%s runAsNonRoot", where).isTrue();
      assertThat(pod.path("runAsUser").asLong()).as("%s runAsUser", where).isPositive();
      assertThat(pod.path("seccompProfile").path("type").asText())
          .as("%s seccomp", where)
          .isEqualTo("RuntimeDefault");
      JsonNode container = at(chart.tree(), chart.containerContext());
      assertThat(container.path("allowPrivilegeEscalation").isBoolean()).as(where).isTrue();
      assertThat(container.path("allowPrivilegeEscalation").asBoolean()).as(where).isFalse();
      assertThat(container.path("readOnlyRootFilesystem").asBoolean())
          .as("%s read-only root", where)
          .isTrue();
      assertThat(texts(container.path("capabilities").path("drop")))
          .as(where)
          .containsExactly("ALL");
    }
  }

  @Test
  void everySecurityContextOfTheValuesIsChecked() {
    for (String values :
        List.of(Manifests.TRINO_VALUES, Manifests.JUPYTERHUB_VALUES, SUPERSET_VALUES)) {
      List<String> found = new ArrayList<>();
      securityContexts(new ChartPod(values, "", "", "").tree(), "", found);
      List<String> checked = new ArrayList<>();
      for (ChartPod chart : CHART_PODS) {
        if (chart.values().equals(values)) {
          checked.add(chart.podContext());
          checked.add(chart.containerContext());
        }
      }
      assertThat(found).as("security contexts in %s", values).isNotEmpty();
      assertThat(checked).as("the contexts of %s the test checks", values).containsAll(found);
    }
  }

  private static void securityContexts(JsonNode node, String path, List<String> found) {
    node.properties()
        .forEach(
            entry -> {
              String child = path.isEmpty() ? entry.getKey() : path + "." + entry.getKey();
              if (entry.getKey().toLowerCase(Locale.ROOT).endsWith("securitycontext")) {
                found.add(child);
              } else if (entry.getValue().isObject()) {
                securityContexts(entry.getValue(), child, found);
              }
            });
  }

  private static JsonNode at(JsonNode tree, String dottedPath) {
    JsonNode node = tree;
    for (String key : dottedPath.split("\\.")) {
      node = node.path(key);
    }
    assertThat(node.isObject()).as("%s is set", dottedPath).isTrue();
    return node;
  }

  private record Pod(String where, JsonNode spec, boolean spark) {}

  /** Every pod spec: workloads' templates, CronJob job templates, Spark pod templates. */
  private static List<Pod> pods() {
    List<Pod> pods = new ArrayList<>();
    for (ManifestDocument document : DOCUMENTS) {
      JsonNode spec = document.tree().path("spec");
      switch (document.kind()) {
        case "Deployment", "StatefulSet" ->
            pods.add(new Pod(document.toString(), spec.path("template").path("spec"), false));
        case "CronJob" ->
            pods.add(
                new Pod(
                    document.toString(),
                    spec.path("jobTemplate").path("spec").path("template").path("spec"),
                    false));
        case "SparkApplication" -> {
          for (String role : List.of("driverSpec", "executorSpec")) {
            pods.add(
                new Pod(
                    document + " " + role,
                    spec.path(role).path("podTemplateSpec").path("spec"),
                    true));
          }
        }
        default -> {}
      }
    }
    return pods;
  }

  private static List<JsonNode> containers(JsonNode podSpec) {
    List<JsonNode> containers = new ArrayList<>();
    podSpec.path("initContainers").forEach(containers::add);
    podSpec.path("containers").forEach(containers::add);
    assertThat(podSpec.path("containers").size()).isPositive();
    return containers;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
