package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every manifest parses and is a valid object of its kind: core kinds against fabric8's Kubernetes
 * model (no unknown field), custom resources against the CRD schemas in src/test/resources/schemas;
 * the pod templates inside SparkApplications against the Kubernetes PodTemplateSpec model.
 */
final class TestManifestValidity {
  /** Both variants' documents: the shipped one and the one on the cloud's S3. */
  private static final List<ManifestDocument> DOCUMENTS =
      Stream.concat(ManifestDocument.all().stream(), ManifestDocument.cloudStorage().stream())
          .toList();

  @Test
  void manifestsParseAndCoverEveryConcern() {
    assertThat(DOCUMENTS).hasSizeGreaterThan(20);
    assertThat(DOCUMENTS.stream().map(ManifestDocument::kind).distinct())
        .contains(
            "Namespace",
            "ConfigMap",
            "Kafka",
            "KafkaNodePool",
            "KafkaTopic",
            "KafkaUser",
            "StatefulSet",
            "Service",
            "Deployment",
            "SparkApplication",
            "CronJob",
            "ServiceAccount",
            "Role",
            "RoleBinding",
            "PodMonitor",
            "PrometheusRule");
  }

  @Test
  void everyDocumentIsValidForItsKind() {
    Map<String, List<String>> problems = new LinkedHashMap<>();
    for (ManifestDocument document : DOCUMENTS) {
      List<String> found = problems(document);
      if (!found.isEmpty()) {
        problems.put(document.toString(), found);
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void validationRejectsAnUnknownFieldInACoreKind() {
    List<String> problems =
        problemsOf(
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: x, namespace: catcafe}
            spec:
              replicas: 1
              selector: {matchLabels: {app: x}}
              template:
                metadata: {labels: {app: x}}
                spec:
                  containers:
                    - name: x
                      image: x:1.0.0
                      securityContxt: {runAsNonRoot: true}
            """);

    assertThat(problems).singleElement().asString().contains("securityContxt");
  }

  @Test
  void validationRejectsAnUnknownFieldInACustomResource() {
    List<String> problems = problemsOfSparkApplicationWith("sparkVersion: 4.1.3");

    assertThat(problems)
        .anySatisfy(problem -> assertThat(problem).contains("sparkVersion"))
        .anySatisfy(problem -> assertThat(problem).contains("runtimeVersions"));
  }

  @Test
  void validationRejectsAnUnknownFieldInASparkPodTemplate() {
    List<String> problems =
        problemsOfSparkApplicationWith(
            """
            runtimeVersions: {sparkVersion: 4.1.3}
            driverSpec:
              podTemplateSpec:
                spec:
                  containers: [{name: spark-kubernetes-driver, resource: {}}]
            """);

    assertThat(problems).singleElement().asString().contains("resource");
  }

  /**
   * The problems of a SparkApplication with its required main class and jars, plus {@code
   * specEntries} (YAML at the spec's level): what a test gets wrong is all it writes.
   */
  private static List<String> problemsOfSparkApplicationWith(String specEntries) {
    return problemsOf(
        """
        apiVersion: spark.apache.org/v1
        kind: SparkApplication
        metadata: {name: x, namespace: catcafe}
        spec:
          mainClass: a.B
          jars: local:///x.jar
        """
            + specEntries.indent(2));
  }

  /** The problems of the one document {@code yaml} holds (a test's hand-written manifest). */
  static List<String> problemsOf(String yaml) {
    return problems(ManifestDocument.parse("test", yaml).get(0));
  }

  private static List<String> problems(ManifestDocument document) {
    JsonNode tree = document.tree();
    Optional<Class<?>> model = KubernetesModels.modelOf(document.apiVersion(), document.kind());
    if (model.isPresent()) {
      return KubernetesModels.problems(tree, model.get());
    }
    return CustomResourceSchemas.schemaOf(document.apiVersion(), document.kind())
        .map(
            schema -> {
              List<String> found = new ArrayList<>(CustomResourceSchemas.problems(schema, tree));
              for (String role : List.of("driverSpec", "executorSpec")) {
                JsonNode template = tree.path("spec").path(role).path("podTemplateSpec");
                if (!template.isMissingNode()) {
                  KubernetesModels.podTemplateProblems(template).stream()
                      .map(problem -> role + ": " + problem)
                      .forEach(found::add);
                }
              }
              return found;
            })
        .orElse(List.of("no schema for %s %s".formatted(document.apiVersion(), document.kind())));
  }
}
