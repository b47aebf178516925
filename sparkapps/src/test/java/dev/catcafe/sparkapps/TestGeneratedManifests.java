package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.jobs.SparkJob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed manifests are exactly what the job declarations generate: code and YAML agree. */
final class TestGeneratedManifests {
  @Test
  void committedManifestsEqualWhatTheGeneratorProducesNow() throws IOException {
    Map<String, String> generated = Manifests.generateAll(ClusterProfile.defaults());

    assertThat(ManifestGenerator.differences(ProjectFiles.manifests(), generated))
        .as("out-of-date manifests: run `make manifests` and commit the result")
        .isEmpty();
  }

  @Test
  void generationIsDeterministic() {
    assertThat(Manifests.generate(ClusterProfile.defaults()))
        .isEqualTo(Manifests.generate(ClusterProfile.defaults()));
  }

  @Test
  void everyJobHasAGeneratedFile() {
    Map<String, String> generated = Manifests.generate(ClusterProfile.defaults());

    for (SparkJob job : SparkJob.values()) {
      assertThat(generated).containsKey("generated/spark-" + job.jobName() + ".yaml");
    }
  }

  @Test
  void differencesReportEditedMissingAndOrphanedFiles(@TempDir Path root) throws IOException {
    Map<String, String> generated = Manifests.generate(ClusterProfile.defaults());
    for (Map.Entry<String, String> file : generated.entrySet()) {
      Path path = root.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
    assertThat(ManifestGenerator.differences(root, generated)).isEmpty();

    Files.writeString(
        root.resolve("generated/config.yaml"), "# hand-edited\n", StandardCharsets.UTF_8);
    Files.delete(root.resolve("generated/kafka-topics.yaml"));
    Files.writeString(root.resolve("generated/spark-retired-job.yaml"), "", StandardCharsets.UTF_8);

    assertThat(ManifestGenerator.differences(root, generated))
        .containsExactlyInAnyOrder(
            "generated/config.yaml",
            "generated/kafka-topics.yaml",
            "generated/spark-retired-job.yaml");
  }
}
