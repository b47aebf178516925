package dev.catcafe.model.config;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the Kafka brokers are, and how the cafe's topics are named on them.
 *
 * @param bootstrapServers comma-separated {@code host:port} list ({@code KAFKA_BOOTSTRAP_SERVERS})
 * @param topicPrefix put before every topic name, empty by default ({@code KAFKA_TOPIC_PREFIX}); it
 *     lets several environments, or several tests, share one cluster without sharing data
 * @param credentials the principal the client authenticates as with SCRAM-SHA-512 ({@code
 *     KAFKA_USERNAME}, {@code KAFKA_PASSWORD}); the cafe's brokers refuse a client without one, so
 *     empty only for a broker that runs without authentication
 */
public record KafkaSettings(
    String bootstrapServers, String topicPrefix, Optional<KafkaCredentials> credentials) {
  /**
   * Records one poll of a Spark Kafka source may return: more than one fetch ({@code
   * max.partition.fetch.bytes}, 1 MiB) ever holds, where Kafka's default is 500. Spark's Kafka
   * reader asks for the partition's earliest and latest offsets after every poll, which drops what
   * the consumer fetched beyond the poll's records: at 500 a poll, each 1 MiB was fetched about a
   * dozen times. Taking the whole fetch in one poll cut the broker's CPU on a 5M backlog from
   * 4.1-5.4 to 1.0-1.2 CPU-seconds (the README's performance section).
   */
  public static final int SOURCE_RECORDS_PER_POLL = 100_000;

  public static final String SETTING = "KAFKA_BOOTSTRAP_SERVERS (--kafka-bootstrap-servers)";
  public static final String PREFIX_SETTING = "KAFKA_TOPIC_PREFIX (--kafka-topic-prefix)";

  /** The SASL mechanism of every cafe client and listener: passwords never cross the wire. */
  public static final String SASL_MECHANISM = "SCRAM-SHA-512";

  /**
   * The listeners' security protocol: SASL over plain TCP (loopback locally; inside the cluster's
   * network, behind its NetworkPolicies).
   */
  public static final String SECURITY_PROTOCOL = "SASL_PLAINTEXT";

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
    requireNonNull(credentials, "credentials is null");
  }

  /** A client that does not authenticate (a broker without security). */
  public KafkaSettings(String bootstrapServers, String topicPrefix) {
    this(bootstrapServers, topicPrefix, Optional.empty());
  }

  public KafkaSettings(String bootstrapServers) {
    this(bootstrapServers, "");
  }

  /**
   * What every Kafka client of the cafe is configured with (producer, consumer, admin; Spark's
   * source and sink with a {@code kafka.} prefix): the brokers and, with credentials, SCRAM
   * authentication. The one place that says how a cafe client connects.
   */
  public Map<String, String> clientProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("bootstrap.servers", bootstrapServers);
    credentials.ifPresent(
        login -> {
          properties.put("security.protocol", SECURITY_PROTOCOL);
          properties.put("sasl.mechanism", SASL_MECHANISM);
          properties.put("sasl.jaas.config", jaasConfig(login));
        });
    return properties;
  }

  /**
   * {@link #clientProperties} and a client's own {@code settings} (which may not override them).
   */
  public Map<String, Object> clientProperties(Map<String, ?> settings) {
    Map<String, Object> properties = new LinkedHashMap<>(clientProperties());
    requireNonNull(settings, "settings is null")
        .forEach(
            (key, value) -> {
              if (properties.putIfAbsent(key, value) != null) {
                throw new IllegalArgumentException(
                    key + " is the cafe's connection setting; a client may not change it");
              }
            });
    return properties;
  }

  /**
   * {@link #clientProperties} as options of Spark's Kafka source and sink ({@code
   * kafka.}-prefixed); a source adds {@link #sparkSourceOptions}.
   */
  public Map<String, String> sparkOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    clientProperties().forEach((key, value) -> options.put("kafka." + key, value));
    return options;
  }

  /**
   * {@link #sparkOptions} plus what every Spark Kafka source of the project reads with:
   *
   * <ul>
   *   <li>the whole fetch in one poll ({@link #SOURCE_RECORDS_PER_POLL});
   *   <li>for an authenticated source, its consumer groups' prefix: Spark names them {@code
   *       <prefix>-<query id>…}, which the principal's group ACL allows.
   * </ul>
   */
  public Map<String, String> sparkSourceOptions() {
    Map<String, String> options = sparkOptions();
    options.put("kafka.max.poll.records", Integer.toString(SOURCE_RECORDS_PER_POLL));
    groupPrefix().ifPresent(prefix -> options.put("groupIdPrefix", prefix));
    return options;
  }

  /** The JAAS line of a SCRAM login (client side; the broker's listener uses the same form). */
  public static String jaasConfig(KafkaCredentials login) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"%s\" password=\"%s\";"
        .formatted(login.username(), login.password());
  }

  /**
   * The consumer groups the principal may use start with its user name: the alert UI's group, and
   * the {@code groupIdPrefix} of Spark's Kafka sources. Without credentials, Spark's own default.
   */
  public Optional<String> groupPrefix() {
    return credentials.map(KafkaCredentials::username);
  }

  public List<String> servers() {
    return Arrays.stream(bootstrapServers.split(",")).map(String::strip).toList();
  }

  /**
   * The environment variables {@code KafkaOptions} reads these settings from, for a program started
   * with them (the password too: the environment is where a program takes it from).
   */
  public Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
    env.put("KAFKA_TOPIC_PREFIX", topicPrefix);
    credentials.ifPresent(
        login -> {
          env.put("KAFKA_USERNAME", login.username());
          env.put("KAFKA_PASSWORD", login.password());
        });
    return env;
  }

  /** The settings {@link #environment} wrote into {@code env}. */
  public static KafkaSettings fromEnvironment(Map<String, String> env) {
    KafkaSettings kafka =
        new KafkaSettings(env.get("KAFKA_BOOTSTRAP_SERVERS"), env.get("KAFKA_TOPIC_PREFIX"));
    String username = env.getOrDefault("KAFKA_USERNAME", "");
    return username.isBlank()
        ? kafka
        : kafka.withCredentials(
            new KafkaCredentials(username, env.getOrDefault("KAFKA_PASSWORD", "")));
  }

  /** The name of {@code topic} on this cluster: the prefix, then the original's topic name. */
  public String topicName(Topic topic) {
    return topicPrefix + requireNonNull(topic, "topic is null").topicName();
  }

  public KafkaSettings withTopicPrefix(String prefix) {
    return new KafkaSettings(bootstrapServers, prefix, credentials);
  }

  /** The same brokers and topics, as another principal. */
  public KafkaSettings withCredentials(KafkaCredentials login) {
    return new KafkaSettings(
        bootstrapServers, topicPrefix, Optional.of(requireNonNull(login, "login is null")));
  }
}
