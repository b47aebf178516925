package dev.catcafe.sparkapps;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.KafkaPrincipal;
import dev.catcafe.model.config.PostgresRole;
import java.util.Map;

/**
 * What a workload logs in to a service as: a user name (a literal of its environment, not a secret)
 * and the Secret, with its key, that holds that user's password and no one else's.
 *
 * @param user the PostgreSQL role's or the Kafka principal's name
 * @param secret the Kubernetes Secret with the password
 * @param passwordKey the password's key in {@code secret}
 */
public record Login(String user, String secret, String passwordKey) {
  public Login {
    requireNonNull(user, "user is null");
    requireNonNull(secret, "secret is null");
    requireNonNull(passwordKey, "passwordKey is null");
  }

  /** A PostgreSQL role: its name, and its own Secret (created by the cluster's operator). */
  public static Login of(PostgresRole role) {
    return new Login(role.roleName(), role.kubernetesSecret(), PostgresRole.SECRET_PASSWORD_KEY);
  }

  /**
   * A Kafka principal: its SCRAM user name, and the Secret Strimzi's User Operator writes for its
   * {@code KafkaUser} ({@link KafkaUsers}).
   */
  public static Login of(KafkaPrincipal principal) {
    return new Login(
        principal.userName(), principal.kubernetesSecret(), KafkaUsers.SECRET_PASSWORD_KEY);
  }

  /** The {@code valueFrom} of the password: the user's own Secret. */
  public Map<String, Object> passwordSource() {
    return Yaml.map("secretKeyRef", Yaml.map("name", secret, "key", passwordKey));
  }
}
