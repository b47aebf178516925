package dev.catcafe.sparkapps;

import static dev.catcafe.sparkapps.Yaml.map;

import dev.catcafe.model.Topic;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A Strimzi {@code KafkaTopic} for every topic of the shared model. */
public final class KafkaTopics {
  public static final String API_VERSION = "kafka.strimzi.io/v1";

  /** Enough for the simulator's rates, and the real-time alert job holds one core per partition. */
  static final int PARTITIONS = 3;

  static final int REPLICAS = 3;

  /** A week: the streaming jobs can be down for days and still catch up from their checkpoints. */
  static final long RETENTION_MILLIS = 7L * 24 * 60 * 60 * 1000;

  private KafkaTopics() {}

  public static List<Map<String, Object>> all(ClusterProfile profile) {
    return Arrays.stream(Topic.values()).map(topic -> topic(topic, profile)).toList();
  }

  public static Map<String, Object> topic(Topic topic, ClusterProfile profile) {
    String topicName = profile.kafka().topicName(topic);
    return strimziResource(
        "KafkaTopic",
        resourceName(topicName),
        profile,
        map(
            // Named explicitly: a prefix may hold characters a resource name cannot.
            "topicName",
            topicName,
            "partitions",
            PARTITIONS,
            "replicas",
            REPLICAS,
            "config",
            map(
                "retention.ms",
                RETENTION_MILLIS,
                // With acks=all a write survives the loss of one broker.
                "min.insync.replicas",
                2)));
  }

  /**
   * A resource of the Strimzi operator ({@code KafkaTopic}, {@code KafkaUser}) in the cafe's
   * namespace, labelled with the Kafka cluster it belongs to.
   */
  static Map<String, Object> strimziResource(
      String kind, String name, ClusterProfile profile, Map<String, Object> spec) {
    Map<String, Object> labels = Yaml.labels("kafka");
    labels.put("strimzi.io/cluster", profile.kafkaCluster());
    return Yaml.resource(
        API_VERSION, kind, Yaml.metadata(name, profile.namespace(), labels), "spec", spec);
  }

  /** A Kubernetes resource name for a topic name (lower case; '.' and '_' become '-'). */
  static String resourceName(String topicName) {
    return topicName.toLowerCase(Locale.ROOT).replaceAll("[._]", "-");
  }
}
