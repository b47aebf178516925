package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.Topic;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every topic of the shared model has a KafkaTopic, named through the profile's Kafka settings. */
final class TestKafkaTopics {
  @Test
  void everyModelTopicHasAKafkaTopicAndNoOtherTopicExists() {
    ClusterProfile profile = ClusterProfile.defaults();
    List<ManifestDocument> topics =
        ManifestDocument.all().stream()
            .filter(document -> document.kind().equals("KafkaTopic"))
            .toList();

    assertThat(topics.stream().map(topic -> topic.tree().path("spec").path("topicName").asText()))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(Topic.values()).map(profile.kafka()::topicName).toList());
    for (ManifestDocument topic : topics) {
      assertThat(topic.tree().path("metadata").path("labels").path("strimzi.io/cluster").asText())
          .isEqualTo(profile.kafkaCluster());
      assertThat(topic.tree().path("spec").path("replicas").asInt())
          .as("replicas exceed min.insync.replicas, so acks=all writes survive a broker loss")
          .isGreaterThan(
              topic.tree().path("spec").path("config").path("min.insync.replicas").asInt());
    }
  }

  @Test
  void theKafkaClusterTheTopicsNameExists() {
    assertThat(
            ManifestDocument.all().stream()
                .filter(document -> document.kind().equals("Kafka"))
                .map(ManifestDocument::name))
        .containsExactly(ClusterProfile.defaults().kafkaCluster());
  }

  @Test
  void aPrefixedProfileNamesTopicsWithThePrefix() {
    ClusterProfile defaults = ClusterProfile.defaults();
    ClusterProfile staging =
        new ClusterProfile(
            defaults.namespace(),
            defaults.imageRepository(),
            defaults.version(),
            defaults.kafkaCluster(),
            defaults.kafka().withTopicPrefix("staging_"),
            defaults.postgres(),
            defaults.catalog());

    assertThat(KafkaTopics.topic(Topic.CAT_WELLNESS, staging))
        .extractingByKey("metadata")
        .asString()
        .contains("name=staging-cat-wellness-iot");
    assertThat(KafkaTopics.topic(Topic.CAT_WELLNESS, staging))
        .extractingByKey("spec")
        .asString()
        .contains("topicName=staging_cat-wellness-iot");
  }
}
