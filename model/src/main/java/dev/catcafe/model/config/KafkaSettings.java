package dev.catcafe.model.config;

import java.util.Arrays;
import java.util.List;

/**
 * Where the Kafka brokers are.
 *
 * @param bootstrapServers comma-separated {@code host:port} list ({@code KAFKA_BOOTSTRAP_SERVERS})
 */
public record KafkaSettings(String bootstrapServers) {
  public static final String SETTING = "KAFKA_BOOTSTRAP_SERVERS (--kafka-bootstrap-servers)";

  public KafkaSettings {
    bootstrapServers = Settings.requireText(bootstrapServers, SETTING);
    for (String server : bootstrapServers.split(",")) {
      if (!server.strip().matches("[A-Za-z0-9.\\-_\\[\\]:]+:\\d{1,5}")) {
        throw Settings.invalid(SETTING, bootstrapServers, "a comma-separated list of host:port");
      }
    }
  }

  public List<String> servers() {
    return Arrays.stream(bootstrapServers.split(",")).map(String::strip).toList();
  }
}
