package dev.catcafe.model.config;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Kafka principals of the cafe, one per component, each allowed exactly its topics and its
 * consumer groups ({@link #grants}), from the one topic model. The job catalog says which program
 * runs as which ({@code CatalogEntry#kafkaPrincipal}); locally {@code bin/run-job} gives a program
 * its principal's password and no other, in the cluster each principal is a Strimzi {@code
 * KafkaUser} with the same ACLs and its own Secret.
 */
public enum KafkaPrincipal {
  /**
   * The platform's own principal, a super user: creates topics, principals and ACLs (the local
   * launcher, the cluster's operator). The owner's tools and tests on a local platform use it.
   */
  PLATFORM("catcafe-platform", null, EnumSet.noneOf(Topic.class), EnumSet.noneOf(Topic.class)),
  /** The event producer: writes the five raw topics, reads none. */
  SIMULATOR("catcafe-simulator", "event-producer", EnumSet.noneOf(Topic.class), rawTopics()),
  /** Raw ingestion: reads every topic into the lake, writes none. */
  RAW_INGESTION(
      "catcafe-raw-ingestion",
      "raw-ingestion",
      EnumSet.allOf(Topic.class),
      EnumSet.noneOf(Topic.class)),
  /** The Wellness Guardian: reads the collars' readings, writes health alerts. */
  WELLNESS_GUARDIAN(
      "catcafe-wellness-guardian",
      "wellness-guardian",
      EnumSet.of(Topic.CAT_WELLNESS),
      EnumSet.of(Topic.CAT_HEALTH_ALERTS)),
  /** The Adopter Detective: reads interactions, writes adopter alerts. */
  ADOPTER_DETECTIVE(
      "catcafe-adopter-detective",
      "adopter-detective",
      EnumSet.of(Topic.CAT_INTERACTIONS),
      EnumSet.of(Topic.POTENTIAL_ADOPTERS)),
  /**
   * The alert UI: reads the two alert topics and writes nothing, so it cannot forge the alerts it
   * turns into adoptions.
   */
  ALERT_UI("catcafe-alert-ui", "alert-ui", alertTopics(), EnumSet.noneOf(Topic.class));

  private final String userName;
  private final String jobName;
  private final Set<Topic> reads;
  private final Set<Topic> writes;

  KafkaPrincipal(String userName, String jobName, Set<Topic> reads, Set<Topic> writes) {
    this.userName = userName;
    this.jobName = jobName;
    this.reads = Set.copyOf(reads);
    this.writes = Set.copyOf(writes);
  }

  private static EnumSet<Topic> rawTopics() {
    EnumSet<Topic> raw = EnumSet.allOf(Topic.class);
    raw.removeIf(Topic::isAlert);
    return raw;
  }

  private static EnumSet<Topic> alertTopics() {
    return EnumSet.complementOf(rawTopics());
  }

  /** The SCRAM user name (a Kafka principal {@code User:<name>}, a {@code KafkaUser}'s name). */
  public String userName() {
    return userName;
  }

  /** The key of the principal's generated password in the local platform's secrets file. */
  public String localSecretKey() {
    return "kafka.user." + userName + ".password";
  }

  /**
   * The Kubernetes Secret with the principal's password (key {@code password}): the one Strimzi's
   * User Operator writes for the {@code KafkaUser} of the same name.
   */
  public String kubernetesSecret() {
    return userName;
  }

  /** Whether the principal bypasses ACLs (the platform's own only). */
  public boolean isSuperUser() {
    return this == PLATFORM;
  }

  public Set<Topic> reads() {
    return reads;
  }

  public Set<Topic> writes() {
    return writes;
  }

  /**
   * The principal's ACLs on the topics named with {@code topicPrefix}: READ on what it reads, WRITE
   * on what it writes (both imply DESCRIBE, which the jobs' start-up wait and Spark's offset reader
   * need), and READ on the consumer groups starting with its user name if it reads at all.
   */
  public List<KafkaGrant> grants(String topicPrefix) {
    requireNonNull(topicPrefix, "topicPrefix is null");
    List<KafkaGrant> grants = new ArrayList<>();
    for (Topic topic : Topic.values()) {
      if (reads.contains(topic)) {
        grants.add(topicGrant(topicPrefix, topic, KafkaGrant.Operation.READ));
      }
      if (writes.contains(topic)) {
        grants.add(topicGrant(topicPrefix, topic, KafkaGrant.Operation.WRITE));
      }
    }
    if (!reads.isEmpty()) {
      grants.add(
          new KafkaGrant(
              KafkaGrant.Resource.GROUP,
              userName,
              KafkaGrant.Pattern.PREFIXED,
              KafkaGrant.Operation.READ));
    }
    return List.copyOf(grants);
  }

  private static KafkaGrant topicGrant(
      String topicPrefix, Topic topic, KafkaGrant.Operation operation) {
    return new KafkaGrant(
        KafkaGrant.Resource.TOPIC,
        topicPrefix + topic.topicName(),
        KafkaGrant.Pattern.LITERAL,
        operation);
  }

  /** The principal the job catalog's program {@code jobName} runs as, if it uses Kafka. */
  public static Optional<KafkaPrincipal> ofJob(String jobName) {
    requireNonNull(jobName, "jobName is null");
    return Arrays.stream(values()).filter(p -> jobName.equals(p.jobName)).findFirst();
  }

  /** The principals of the components (every one but the platform's). */
  public static List<KafkaPrincipal> components() {
    return Arrays.stream(values()).filter(p -> !p.isSuperUser()).toList();
  }
}
