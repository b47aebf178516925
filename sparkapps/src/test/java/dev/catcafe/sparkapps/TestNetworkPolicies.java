package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.jobs.Placement;
import dev.catcafe.model.jobs.SettingsGroup;
import dev.catcafe.model.jobs.SparkJob;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The committed NetworkPolicies, read as Kubernetes reads them: every namespace in use denies all
 * traffic by default, each flow a component needs is allowed at both ends (egress from the client,
 * ingress to the server), and flows nobody needs stay refused. The pods' labels come from the
 * manifests themselves (the charts' from how those charts label their pods).
 */
final class TestNetworkPolicies {
  private static final List<ManifestDocument> DOCUMENTS = ManifestDocument.all();
  private static final List<JsonNode> POLICIES =
      DOCUMENTS.stream()
          .filter(document -> document.kind().equals(NetworkPolicies.KIND))
          .map(ManifestDocument::tree)
          .toList();
  private static final Pattern HELM_NAMESPACE = Pattern.compile("helm install .* -n ([a-z0-9-]+)");

  private static final int KAFKA = 9092;
  private static final int POSTGRESQL = 5432;
  private static final int TRINO = 8080;

  // How the charts label their pods (trinodb/trino, apache/superset with Bitnami's Redis,
  // jupyterhub/jupyterhub, Strimzi, kube-prometheus).
  private static final Map<String, String> TRINO_POD =
      Map.of("app.kubernetes.io/name", "trino", "app.kubernetes.io/instance", "trino");
  private static final Map<String, String> SUPERSET_POD =
      Map.of("app", "superset", "release", "superset");
  private static final Map<String, String> REDIS_POD =
      Map.of("app.kubernetes.io/name", "redis", "app.kubernetes.io/instance", "superset");
  private static final Map<String, String> NOTEBOOK_POD =
      Map.of("app", "jupyterhub", "component", "singleuser-server", "release", "jupyterhub");
  private static final Map<String, String> KAFKA_POD =
      Map.of(
          "strimzi.io/cluster",
          "catcafe-kafka",
          "strimzi.io/kind",
          "Kafka",
          "strimzi.io/name",
          "catcafe-kafka-kafka");
  private static final Map<String, String> PROMETHEUS_POD =
      Map.of("app.kubernetes.io/name", "prometheus", "prometheus", "k8s");
  private static final Map<String, String> MONITORING_NAMESPACE =
      Map.of("kubernetes.io/metadata.name", "monitoring");

  @Test
  void everyNamespaceInUseDeniesByDefault() {
    Set<String> namespaces = new TreeSet<>();
    for (ManifestDocument document : DOCUMENTS) {
      String namespace = document.tree().path("metadata").path("namespace").asText("");
      if (!namespace.isEmpty()) {
        namespaces.add(namespace);
      }
    }
    for (String values :
        List.of(Manifests.TRINO_VALUES, Manifests.JUPYTERHUB_VALUES, "helm/superset-values.yaml")) {
      Matcher install =
          HELM_NAMESPACE.matcher(ProjectFiles.read(ProjectFiles.manifests().resolve(values)));
      assertThat(install.find()).as("%s names its namespace", values).isTrue();
      namespaces.add(install.group(1));
    }
    assertThat(namespaces).isNotEmpty();
    for (String namespace : namespaces) {
      assertThat(POLICIES)
          .as("a default-deny NetworkPolicy in %s", namespace)
          .anySatisfy(
              policy -> {
                assertThat(policy.path("metadata").path("namespace").asText()).isEqualTo(namespace);
                JsonNode spec = policy.path("spec");
                assertThat(spec.path("podSelector").path("matchLabels").size()).isZero();
                assertThat(texts(spec.path("policyTypes"))).contains("Ingress", "Egress");
                assertThat(spec.path("ingress").size()).isZero();
                assertThat(spec.path("egress").size()).isZero();
              });
    }
  }

  @Test
  void everyComponentReachesWhatItNeeds() {
    Map<String, String> simulator = podLabels(Applications.SIMULATOR);
    Map<String, String> alertUi = podLabels(Applications.ALERT_UI);
    Map<String, String> postgres = podLabels("postgresql");
    assertAllowed("simulator -> Kafka", simulator, KAFKA_POD, KAFKA);
    assertAllowed("simulator -> PostgreSQL", simulator, postgres, POSTGRESQL);
    assertAllowed("alert UI -> Kafka", alertUi, KAFKA_POD, KAFKA);
    assertAllowed("alert UI -> PostgreSQL", alertUi, postgres, POSTGRESQL);
    for (SparkJob job : SparkJob.values()) {
      Map<String, String> driver = podLabels(job.jobName(), "driver");
      Map<String, String> executor = podLabels(job.jobName(), "executor");
      if (job.settings().contains(SettingsGroup.CATALOG)
          || job.settings().contains(SettingsGroup.POSTGRES)) {
        assertAllowed(job + " driver -> PostgreSQL", driver, postgres, POSTGRESQL);
      } else {
        assertThat(allowed(driver, postgres, POSTGRESQL))
            .as(job + " driver -> PostgreSQL")
            .isFalse();
      }
      if (job.settings().contains(SettingsGroup.KAFKA)) {
        assertAllowed(job + " driver -> Kafka", driver, KAFKA_POD, KAFKA);
        assertAllowed(job + " executor -> Kafka", executor, KAFKA_POD, KAFKA);
      }
      if (job.placement() == Placement.EXECUTORS) {
        // Spark's block manager and RPC ports are random unless pinned: any port between them.
        assertAllowed(job + " executor -> driver", executor, driver, 7078);
        assertAllowed(job + " driver -> executor", driver, executor, 35_000);
        assertEgressToAnyAddress(job + " driver -> API server", driver, 443);
      }
      job.metricsPort()
          .ifPresent(
              port ->
                  assertIngress(
                      "Prometheus -> " + job, PROMETHEUS_POD, MONITORING_NAMESPACE, driver, port));
    }
    assertAllowed("Trino -> PostgreSQL", TRINO_POD, postgres, POSTGRESQL);
    assertAllowed("Superset -> Trino", SUPERSET_POD, TRINO_POD, TRINO);
    assertAllowed("Superset -> PostgreSQL (metadata)", SUPERSET_POD, postgres, POSTGRESQL);
    assertAllowed("Superset -> Redis", SUPERSET_POD, REDIS_POD, 6379);
    assertAllowed("notebook -> Trino", NOTEBOOK_POD, TRINO_POD, TRINO);
    assertAllowed("notebook -> PostgreSQL (catalog)", NOTEBOOK_POD, postgres, POSTGRESQL);
    assertAllowed("Kafka -> Kafka", KAFKA_POD, KAFKA_POD, 9091);
  }

  @Test
  void flowsNobodyNeedsAreRefused() {
    Map<String, String> simulator = podLabels(Applications.SIMULATOR);
    Map<String, String> alertUi = podLabels(Applications.ALERT_UI);
    Map<String, String> postgres = podLabels("postgresql");
    Map<String, String> history = podLabels(JvmApp.HISTORY_SERVER.jobName());
    assertThat(allowed(simulator, TRINO_POD, TRINO)).as("simulator -> Trino").isFalse();
    assertThat(allowed(NOTEBOOK_POD, KAFKA_POD, KAFKA)).as("notebook -> Kafka").isFalse();
    assertThat(allowed(history, postgres, POSTGRESQL)).as("History Server -> PostgreSQL").isFalse();
    assertThat(allowed(alertUi, postgres, 22)).as("alert UI -> PostgreSQL:22").isFalse();
    assertThat(egressTo(alertUi, Map.of(), Optional.empty(), 443, true))
        .as("alert UI -> the Internet")
        .isFalse();
    assertThat(egressTo(NOTEBOOK_POD, Map.of(), Optional.empty(), 80, true))
        .as("notebook -> the cloud's metadata address")
        .isFalse();
    assertThat(
            ingressFrom(
                postgres,
                Map.of("app", "anything"),
                Optional.of(Map.of("kubernetes.io/metadata.name", "default")),
                POSTGRESQL))
        .as("another namespace -> PostgreSQL")
        .isFalse();
  }

  @Test
  void theAlertUiListensOnThePodsAddress() {
    JsonNode deployment =
        DOCUMENTS.stream()
            .filter(document -> document.kind().equals("Deployment"))
            .filter(document -> document.name().equals(Applications.ALERT_UI))
            .findFirst()
            .orElseThrow()
            .tree();
    JsonNode container =
        deployment.path("spec").path("template").path("spec").path("containers").get(0);
    Map<String, String> env = new HashMap<>();
    container
        .path("env")
        .forEach(
            variable -> env.put(variable.path("name").asText(), variable.path("value").asText()));
    assertThat(env).containsKey("ALERT_UI_HOST");
    assertThat(env.get("ALERT_UI_HOST"))
        .isNotIn("127.0.0.1", "localhost", "::1")
        .isEqualTo("0.0.0.0");
  }

  private static void assertAllowed(
      String flow, Map<String, String> from, Map<String, String> to, int port) {
    assertThat(egressTo(from, to, Optional.empty(), port, false))
        .as("%s: egress allowed", flow)
        .isTrue();
    assertThat(ingressFrom(to, from, Optional.empty(), port))
        .as("%s: ingress allowed", flow)
        .isTrue();
  }

  private static boolean allowed(Map<String, String> from, Map<String, String> to, int port) {
    return egressTo(from, to, Optional.empty(), port, false)
        && ingressFrom(to, from, Optional.empty(), port);
  }

  private static void assertIngress(
      String flow,
      Map<String, String> from,
      Map<String, String> fromNamespace,
      Map<String, String> to,
      int port) {
    assertThat(ingressFrom(to, from, Optional.of(fromNamespace), port)).as(flow).isTrue();
  }

  private static void assertEgressToAnyAddress(String flow, Map<String, String> from, int port) {
    assertThat(egressTo(from, Map.of(), Optional.empty(), port, true)).as(flow).isTrue();
  }

  /**
   * Whether a pod labelled {@code from} may open {@code port} on a pod labelled {@code to} (in
   * {@code toNamespace}, or this one), or, with {@code outside}, on an address outside the cluster.
   */
  private static boolean egressTo(
      Map<String, String> from,
      Map<String, String> to,
      Optional<Map<String, String>> toNamespace,
      int port,
      boolean outside) {
    return rules(from, "Egress", "egress").stream()
        .anyMatch(
            rule -> portMatches(rule, port) && peers(rule.path("to"), to, toNamespace, outside));
  }

  private static boolean ingressFrom(
      Map<String, String> to,
      Map<String, String> from,
      Optional<Map<String, String>> fromNamespace,
      int port) {
    return rules(to, "Ingress", "ingress").stream()
        .anyMatch(
            rule ->
                portMatches(rule, port) && peers(rule.path("from"), from, fromNamespace, false));
  }

  /** The rules of every policy selecting a pod with {@code labels} for {@code type}. */
  private static List<JsonNode> rules(Map<String, String> labels, String type, String field) {
    List<JsonNode> rules = new ArrayList<>();
    for (JsonNode policy : POLICIES) {
      JsonNode spec = policy.path("spec");
      if (selects(spec.path("podSelector"), labels)
          && texts(spec.path("policyTypes")).contains(type)) {
        spec.path(field).forEach(rules::add);
      }
    }
    return rules;
  }

  private static boolean portMatches(JsonNode rule, int port) {
    if (!rule.has("ports")) {
      return true;
    }
    for (JsonNode allowed : rule.path("ports")) {
      if (allowed.path("protocol").asText("TCP").equals("TCP")
          && allowed.path("port").asInt() == port) {
        return true;
      }
    }
    return false;
  }

  private static boolean peers(
      JsonNode peers,
      Map<String, String> labels,
      Optional<Map<String, String>> namespace,
      boolean outside) {
    for (JsonNode peer : peers) {
      if (peer.has("ipBlock")) {
        if (peer.path("ipBlock").path("cidr").asText().equals("0.0.0.0/0")) {
          return true;
        }
        continue;
      }
      if (outside) {
        continue;
      }
      boolean namespaceMatches =
          peer.has("namespaceSelector")
              ? namespace.isPresent() && selects(peer.path("namespaceSelector"), namespace.get())
              : namespace.isEmpty();
      boolean podMatches = !peer.has("podSelector") || selects(peer.path("podSelector"), labels);
      if (namespaceMatches && podMatches) {
        return true;
      }
    }
    return false;
  }

  private static boolean selects(JsonNode selector, Map<String, String> labels) {
    JsonNode matchLabels = selector.path("matchLabels");
    var names = matchLabels.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!matchLabels.path(name).asText().equals(labels.get(name))) {
        return false;
      }
    }
    return true;
  }

  /** The labels of the pods of one of the project's components. */
  private static Map<String, String> podLabels(String component) {
    for (ManifestDocument document : DOCUMENTS) {
      if (List.of("Deployment", "StatefulSet").contains(document.kind())) {
        Map<String, String> labels =
            labels(document.tree().path("spec").path("template").path("metadata"));
        if (component.equals(labels.get(NetworkPolicies.COMPONENT_LABEL))) {
          return labels;
        }
      }
    }
    throw new AssertionError("no pods of " + component);
  }

  /** The labels of a Spark job's driver or executor pods (streaming or batch template). */
  private static Map<String, String> podLabels(String job, String role) {
    for (ManifestDocument document : DOCUMENTS) {
      if (document.kind().equals(SparkApplications.KIND)) {
        JsonNode metadata =
            document
                .tree()
                .path("spec")
                .path(role + "Spec")
                .path("podTemplateSpec")
                .path("metadata");
        Map<String, String> labels = labels(metadata);
        if (job.equals(labels.get(NetworkPolicies.COMPONENT_LABEL))) {
          return labels;
        }
      }
    }
    throw new AssertionError("no %s pods of %s".formatted(role, job));
  }

  private static Map<String, String> labels(JsonNode metadata) {
    Map<String, String> labels = new HashMap<>();
    metadata
        .path("labels")
        .properties()
        .forEach(entry -> labels.put(entry.getKey(), entry.getValue().asText()));
    return labels;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }
}
