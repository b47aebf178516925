package dev.catcafe.model.cli;

import dev.catcafe.model.config.KafkaCredentials;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.LocalPlatformDefaults;
import picocli.CommandLine.Option;

/**
 * The Kafka options every command shares; picocli fills the field, {@link #settings()} validates.
 */
public final class KafkaOptions {
  @Option(
      names = "--kafka-bootstrap-servers",
      paramLabel = "HOST:PORT[,…]",
      defaultValue =
          "${env:KAFKA_BOOTSTRAP_SERVERS:-" + LocalPlatformDefaults.KAFKA_BOOTSTRAP_SERVERS + "}",
      description = "Kafka brokers. Env KAFKA_BOOTSTRAP_SERVERS.")
  private String bootstrapServers;

  @Option(
      names = "--kafka-topic-prefix",
      defaultValue = "${env:KAFKA_TOPIC_PREFIX:-}",
      description = "Put before every topic name. Env KAFKA_TOPIC_PREFIX. Default: none.")
  private String topicPrefix;

  @Option(
      names = "--kafka-username",
      defaultValue = "${env:KAFKA_USERNAME:-}",
      description =
          "The SCRAM principal to authenticate as (password: env KAFKA_PASSWORD). Env"
              + " KAFKA_USERNAME. Default: none, for a broker without authentication.")
  private String username;

  /* No option for the password on purpose: arguments show in `ps`; it comes from the env only. */
  public KafkaSettings settings() {
    KafkaSettings kafka = new KafkaSettings(bootstrapServers, topicPrefix);
    if (username == null || username.isBlank()) {
      return kafka;
    }
    return kafka.withCredentials(
        new KafkaCredentials(username, System.getenv().getOrDefault("KAFKA_PASSWORD", "")));
  }
}
