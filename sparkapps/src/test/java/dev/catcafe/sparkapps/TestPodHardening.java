package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catcafe.model.jobs.SparkJob;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every pod the manifests create runs hardened: non-root, runtime seccomp, no privilege escalation,
 * all capabilities dropped, a read-only root file system, pinned images, and sized (requests and
 * limits, or for Spark pods the driver and executor sizes Spark turns into them).
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
