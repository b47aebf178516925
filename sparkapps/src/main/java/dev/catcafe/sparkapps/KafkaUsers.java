package dev.catcafe.sparkapps;

import static dev.catcafe.sparkapps.Yaml.map;
import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.KafkaGrant;
import dev.catcafe.model.config.KafkaPrincipal;
import java.util.List;
import java.util.Map;

/**
 * A Strimzi {@code KafkaUser} for every component's Kafka principal: SCRAM-SHA-512, for which the
 * User Operator generates the password into a Secret of the user's name (key {@value
 * #SECRET_PASSWORD_KEY}), and exactly the principal's ACLs ({@link KafkaPrincipal#grants}). The
 * platform's super user has none: in the cluster Strimzi's own operators are its super users, by
 * their TLS certificates.
 */
public final class KafkaUsers {
  public static final String API_VERSION = KafkaTopics.API_VERSION;

  /** The SCRAM mechanism of the cluster's client listener and of every user. */
  public static final String AUTHENTICATION = "scram-sha-512";

  /** Kafka's own ACLs (the StandardAuthorizer), managed by the User Operator. */
  public static final String AUTHORIZATION = "simple";

  /** The key of the password in the Secret the User Operator writes for a SCRAM user. */
  public static final String SECRET_PASSWORD_KEY = "password";

  private KafkaUsers() {}

  public static List<Map<String, Object>> all(ClusterProfile profile) {
    return KafkaPrincipal.components().stream().map(user -> user(user, profile)).toList();
  }

  public static Map<String, Object> user(KafkaPrincipal principal, ClusterProfile profile) {
    requireNonNull(principal, "principal is null");
    if (principal.isSuperUser()) {
      throw new IllegalArgumentException(principal + " is a super user: it has no KafkaUser");
    }
    return KafkaTopics.strimziResource(
        "KafkaUser",
        principal.userName(),
        profile,
        map(
            "authentication",
            map("type", AUTHENTICATION),
            "authorization",
            map(
                "type",
                AUTHORIZATION,
                "acls",
                principal.grants(profile.kafka().topicPrefix()).stream()
                    .map(KafkaUsers::acl)
                    .toList())));
  }

  /**
   * One grant as a Strimzi ACL rule. Read and Write imply Describe in Kafka, so each grant is one
   * operation.
   */
  static Map<String, Object> acl(KafkaGrant grant) {
    return map(
        "resource",
        map(
            "type",
            switch (grant.resource()) {
              case TOPIC -> "topic";
              case GROUP -> "group";
            },
            "name",
            grant.name(),
            "patternType",
            switch (grant.pattern()) {
              case LITERAL -> "literal";
              case PREFIXED -> "prefix";
            }),
        "operations",
        List.of(
            switch (grant.operation()) {
              case READ -> "Read";
              case WRITE -> "Write";
            }));
  }
}
