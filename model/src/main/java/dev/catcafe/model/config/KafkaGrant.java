package dev.catcafe.model.config;

import static java.util.Objects.requireNonNull;

/**
 * One thing a Kafka principal may do: an ACL in plain data, which the local platform turns into
 * Kafka's {@code AclBinding}s and the manifest generator into a Strimzi {@code KafkaUser}'s ACLs.
 *
 * @param resource what kind of resource
 * @param name its name, or the start of the names with {@link Pattern#PREFIXED}
 * @param pattern how {@code name} matches
 * @param operation what the principal may do to it (READ and WRITE imply DESCRIBE)
 */
public record KafkaGrant(Resource resource, String name, Pattern pattern, Operation operation) {
  /** A Kafka resource kind. */
  public enum Resource {
    TOPIC,
    GROUP
  }

  /** How a grant's name matches resource names. */
  public enum Pattern {
    LITERAL,
    PREFIXED
  }

  /** An operation on a resource. */
  public enum Operation {
    READ,
    WRITE
  }

  public KafkaGrant {
    requireNonNull(resource, "resource is null");
    name = Settings.requireText(name, "a Kafka grant's resource name");
    requireNonNull(pattern, "pattern is null");
    requireNonNull(operation, "operation is null");
  }
}
