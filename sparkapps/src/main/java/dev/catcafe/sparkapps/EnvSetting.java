package dev.catcafe.sparkapps;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.KafkaPrincipal;
import dev.catcafe.model.config.PostgresRole;
import dev.catcafe.model.jobs.SettingsGroup;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every environment variable a workload reads its settings from, with where its value lives in the
 * cluster: plain values in the {@code catcafe-config} ConfigMap, the alert UI's token in the {@code
 * catcafe-credentials} Secret, and the credentials per workload ({@link Credential}): the
 * PostgreSQL user is the name of the role the job catalog declares for it, its password comes from
 * that role's own Secret ({@link PostgresRole#kubernetesSecret}); the Kafka user is the workload's
 * own principal ({@link KafkaPrincipal}), its password from the Secret Strimzi writes for that
 * principal's {@code KafkaUser}. Secrets are created by the operator of the cluster (or its User
 * Operator), never committed. The names are the ones the picocli mixins of {@code
 * dev.catcafe.model.cli} read.
 */
public enum EnvSetting {
  KAFKA_BOOTSTRAP_SERVERS(SettingsGroup.KAFKA, profile -> profile.kafka().bootstrapServers()),
  KAFKA_TOPIC_PREFIX(SettingsGroup.KAFKA, profile -> profile.kafka().topicPrefix()),
  KAFKA_USERNAME(SettingsGroup.KAFKA, Credential.USER),
  KAFKA_PASSWORD(SettingsGroup.KAFKA, Credential.PASSWORD),
  POSTGRES_URL(SettingsGroup.POSTGRES, profile -> profile.postgres().jdbcUrl()),
  POSTGRES_USER(SettingsGroup.POSTGRES, Credential.USER),
  POSTGRES_PASSWORD(SettingsGroup.POSTGRES, Credential.PASSWORD),
  ICEBERG_CATALOG_NAME(SettingsGroup.CATALOG, profile -> profile.catalog().name()),
  ICEBERG_CATALOG_TYPE(SettingsGroup.CATALOG, profile -> profile.catalog().type().wireName()),
  ICEBERG_CATALOG_URI(SettingsGroup.CATALOG, profile -> profile.catalog().uri()),
  ICEBERG_CATALOG_USER(SettingsGroup.CATALOG, Credential.USER),
  ICEBERG_CATALOG_PASSWORD(SettingsGroup.CATALOG, Credential.PASSWORD),
  ICEBERG_WAREHOUSE(SettingsGroup.CATALOG, profile -> profile.catalog().warehouse()),
  LAKEHOUSE_NAMESPACE(SettingsGroup.CATALOG, profile -> profile.catalog().namespace()),
  SPARK_EVENT_LOG_DIR(SettingsGroup.EVENT_LOG, ClusterProfile::eventLogDirectory),
  /* The lake's object store: the tables, the checkpoints and the event logs. */
  S3_ENDPOINT(SettingsGroup.OBJECT_STORE, profile -> profile.objectStore().endpoint()),
  S3_REGION(SettingsGroup.OBJECT_STORE, profile -> profile.objectStore().region()),
  /*
   * The store's keys, the self-hosted store's own among them; optional: on the cloud's S3 the
   * pods get credentials from pod identity and the Secret has no such keys.
   */
  S3_ACCESS_KEY_ID(SettingsGroup.OBJECT_STORE, "s3-access-key-id", true),
  S3_SECRET_ACCESS_KEY(SettingsGroup.OBJECT_STORE, "s3-secret-access-key", true),
  /* Optional: without a token the UI serves the feed but refuses adoption write-back. */
  ALERT_UI_STAFF_TOKEN(SettingsGroup.ALERT_UI, "alert-ui-staff-token", true);

  /**
   * A part of a workload's own credentials ({@link Login}): of the PostgreSQL role, the catalog's
   * role or the Kafka principal that is the workload's.
   */
  public enum Credential {
    /** The user's name, a literal of the workload's env (not a secret). */
    USER,
    /** The user's password, from the user's own Secret. */
    PASSWORD
  }

  private final SettingsGroup group;
  private final Function<ClusterProfile, String> plainValue;
  private final String secretKey;
  private final boolean optional;
  private final Credential credential;

  EnvSetting(SettingsGroup group, Function<ClusterProfile, String> plainValue) {
    this.group = group;
    this.plainValue = plainValue;
    this.secretKey = null;
    this.optional = false;
    this.credential = null;
  }

  EnvSetting(SettingsGroup group, String secretKey, boolean optional) {
    this.group = group;
    this.plainValue = null;
    this.secretKey = secretKey;
    this.optional = optional;
    this.credential = null;
  }

  EnvSetting(SettingsGroup group, Credential credential) {
    this.group = group;
    this.plainValue = null;
    this.secretKey = null;
    this.optional = false;
    this.credential = credential;
  }

  /** The part of a role's credentials this setting is; empty for the other settings. */
  public Optional<Credential> credential() {
    return Optional.ofNullable(credential);
  }

  /**
   * Whether the value is secret: a key of the credentials Secret, or a role's or a principal's
   * password.
   */
  public boolean hasSecretValue() {
    return secretKey != null || credential == Credential.PASSWORD;
  }

  /** Whether the value is the same for every workload, in the {@code catcafe-config} ConfigMap. */
  public boolean isPlain() {
    return plainValue != null;
  }

  /**
   * The login whose part this setting is, for a workload that runs as {@code postgresRole} (in the
   * cafe's database) and as {@code kafkaPrincipal}: the catalog's own role for the catalog's
   * settings, the principal for the Kafka settings, the role for the cafe's database.
   */
  public Login login(Optional<PostgresRole> postgresRole, Optional<KafkaPrincipal> kafkaPrincipal) {
    requireNonNull(postgresRole, "postgresRole is null");
    requireNonNull(kafkaPrincipal, "kafkaPrincipal is null");
    if (credential == null) {
      throw new IllegalStateException(name() + " is not a credential");
    }
    return switch (group) {
      case CATALOG -> Login.of(PostgresRole.ICEBERG_CATALOG);
      case KAFKA ->
          Login.of(
              kafkaPrincipal.orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          name() + " needs the workload's Kafka principal")));
      case POSTGRES ->
          Login.of(
              postgresRole.orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          name() + " needs the workload's PostgreSQL role")));
      default -> throw new IllegalStateException(name() + ": no login for " + group);
    };
  }

  public SettingsGroup group() {
    return group;
  }

  /**
   * Whether the value is a secret of the {@code catcafe-credentials} Secret, referenced by {@link
   * #secretKey} (a role's or a principal's password is in its own Secret: {@link #credential}).
   */
  public boolean isSecret() {
    return secretKey != null;
  }

  public String secretKey() {
    if (secretKey == null) {
      throw new IllegalStateException(name() + " is not a secret");
    }
    return secretKey;
  }

  public boolean optional() {
    return optional;
  }

  /** The ConfigMap value of a plain setting in {@code profile}. */
  public String plainValue(ClusterProfile profile) {
    requireNonNull(profile, "profile is null");
    if (plainValue == null) {
      throw new IllegalStateException(name() + " is a secret: it has no plain value");
    }
    return plainValue.apply(profile);
  }

  /** The settings of {@code groups}, in declaration order. */
  public static List<EnvSetting> of(Set<SettingsGroup> groups) {
    Set<SettingsGroup> wanted = groups.isEmpty() ? Set.of() : EnumSet.copyOf(groups);
    return Arrays.stream(values()).filter(setting -> wanted.contains(setting.group)).toList();
  }
}
