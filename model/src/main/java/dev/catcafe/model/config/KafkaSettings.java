package dev.catcafe.model.config;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import java.util.Arrays;
import java.util.List;

/**
 * Where the Kafka brokers are, and how the cafe's topics are named on them.
 *
 * @param bootstrapServers comma-separated {@code host:port} list ({@code KAFKA_BOOTSTRAP_SERVERS})
 * @param topicPrefix put before every topic name, empty by default ({@code KAFKA_TOPIC_PREFIX}); it
 *     lets several environments, or several tests, share one cluster without sharing data
 */
public record KafkaSettings(String bootstrapServers, String topicPrefix) {
  public static final String SETTING = "KAFKA_BOOTSTRAP_SERVERS (--kafka-bootstrap-servers)";
  public static final String PREFIX_SETTING = "KAFKA_TOPIC_PREFIX (--kafka-topic-prefix)";

  public KafkaSettings {
    bootstrapServers = Settings.requireText(bootstrapServers, SETTING);
    for (String server : bootstrapServers.split(",")) {
      if (!server.strip().matches("[A-Za-z0-9.\\-_\\[\\]:]+:\\d{1,5}")) {
        throw Settings.invalid(SETTING, bootstrapServers, "a comma-separated list of host:port");
      }
    }
    topicPrefix = topicPrefix == null ? "" : topicPrefix.strip();
    if (!topicPrefix.matches("[A-Za-z0-9._\\-]*")) {
      throw Settings.invalid(PREFIX_SETTING, topicPrefix, "letters, digits, '.', '_' or '-'");
    }
  }

  public KafkaSettings(String bootstrapServers) {
    this(bootstrapServers, "");
  }

  public List<String> servers() {
    return Arrays.stream(bootstrapServers.split(",")).map(String::strip).toList();
  }

  /** The name of {@code topic} on this cluster: the prefix, then the original's topic name. */
  public String topicName(Topic topic) {
    return topicPrefix + requireNonNull(topic, "topic is null").topicName();
  }

  public KafkaSettings withTopicPrefix(String prefix) {
    return new KafkaSettings(bootstrapServers, prefix);
  }
}
