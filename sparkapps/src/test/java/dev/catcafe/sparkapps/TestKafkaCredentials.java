package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catcafe.model.config.KafkaPrincipal;
import dev.catcafe.model.jobs.CatalogEntry;
import dev.catcafe.model.jobs.SparkJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every component reaches Kafka as its own principal, with the password from the Secret of that
 * principal's KafkaUser, and reads no other principal's Secret.
 */
final class TestKafkaCredentials {
  private static final Path MANIFESTS = ProjectFiles.manifests();

  /** Both variants' roots: the shipped one and the one on the cloud's S3. */
  private static final List<Path> VARIANTS =
      List.of(MANIFESTS, MANIFESTS.resolve(Manifests.CLOUD_STORAGE));

  @Test
  void everyKafkaWorkloadGetsItsOwnPrincipalsCredentialsAndTheOthersNone() {
    for (Path root : VARIANTS) {
      for (Map.Entry<String, List<CatalogEntry>> file :
          WorkloadEnvironment.catalogWorkloads().entrySet()) {
        String source = MANIFESTS.relativize(root.resolve(file.getKey())).toString();
        Optional<KafkaPrincipal> principal = principalOf(file.getValue());
        Map<String, List<JsonNode>> env = WorkloadEnvironment.of(root, file.getKey());
        if (principal.isEmpty()) {
          assertThat(env).as(source).doesNotContainKeys("KAFKA_USERNAME", "KAFKA_PASSWORD");
          continue;
        }
        assertThat(env).as(source).containsKeys("KAFKA_USERNAME", "KAFKA_PASSWORD");
        assertThat(WorkloadEnvironment.values(env.get("KAFKA_USERNAME")))
            .as(source)
            .containsOnly(principal.get().userName());
        assertThat(WorkloadEnvironment.secrets(env.get("KAFKA_PASSWORD")))
            .as(source)
            .containsOnly(principal.get().kubernetesSecret());
        assertThat(env.get("KAFKA_PASSWORD"))
            .as(source)
            .allSatisfy(
                entry ->
                    assertThat(entry.path("valueFrom").path("secretKeyRef").path("key").asText())
                        .isEqualTo(KafkaUsers.SECRET_PASSWORD_KEY));
      }
    }
    assertThat(SparkJob.RAW_INGESTION.kafkaPrincipal()).contains(KafkaPrincipal.RAW_INGESTION);
    assertThat(SparkJob.PROFILE_SNAPSHOT.kafkaPrincipal()).isEmpty();
  }

  @Test
  void noManifestReadsAnotherPrincipalsSecretAndNoneThePlatforms() {
    Map<String, KafkaPrincipal> bySecret =
        Arrays.stream(KafkaPrincipal.values())
            .collect(Collectors.toMap(KafkaPrincipal::kubernetesSecret, principal -> principal));
    Map<String, List<CatalogEntry>> workloads = WorkloadEnvironment.catalogWorkloads();
    List<String> strays = new ArrayList<>();
    for (Path root : VARIANTS) {
      for (Path file : ProjectFiles.filesUnder(root, ".yaml")) {
        String relative = root.relativize(file).toString();
        if (root.equals(MANIFESTS) && relative.startsWith(Manifests.CLOUD_STORAGE + "/")) {
          continue;
        }
        Set<String> read = new TreeSet<>();
        for (JsonNode document : WorkloadEnvironment.documents(root, relative)) {
          document.findValues("secretKeyRef").stream()
              .map(reference -> reference.path("name").asText())
              .filter(bySecret::containsKey)
              .forEach(read::add);
        }
        Set<String> own =
            principalOf(workloads.getOrDefault(relative, List.of()))
                .map(principal -> Set.of(principal.kubernetesSecret()))
                .orElse(Set.of());
        read.stream()
            .filter(secret -> !own.contains(secret))
            .forEach(secret -> strays.add(MANIFESTS.relativize(file) + " reads " + secret));
      }
    }
    assertThat(strays).isEmpty();
  }

  @Test
  void sparkExecutorsGetNoKafkaPassword() {
    // The driver builds the Kafka client settings from its environment; Spark ships them to the
    // executors with the query's partitions, so the password is in no executor pod's environment.
    for (SparkJob job : SparkJob.values()) {
      List<JsonNode> executors = new ArrayList<>();
      for (JsonNode document :
          WorkloadEnvironment.documents(MANIFESTS, "generated/spark-" + job.jobName() + ".yaml")) {
        executors.addAll(document.findValues("executorSpec"));
      }
      assertThat(executors).as(job.jobName()).isNotEmpty();
      for (JsonNode executor : executors) {
        assertThat(executor.findValuesAsText("name"))
            .as(job.jobName())
            .doesNotContain("KAFKA_USERNAME", "KAFKA_PASSWORD");
      }
    }
  }

  /** The one principal the entries of a workload file run as, if they use Kafka. */
  private static Optional<KafkaPrincipal> principalOf(List<CatalogEntry> entries) {
    Set<KafkaPrincipal> principals =
        entries.stream()
            .map(CatalogEntry::kafkaPrincipal)
            .flatMap(Optional::stream)
            .collect(Collectors.toSet());
    assertThat(principals).as("one principal per workload: %s", entries).hasSizeLessThan(2);
    return principals.stream().findFirst();
  }
}
