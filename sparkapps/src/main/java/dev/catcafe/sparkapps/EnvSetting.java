package dev.catcafe.sparkapps;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.ObjectStoreSettings;
import dev.catcafe.model.jobs.SettingsGroup;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Every environment variable a workload reads its settings from, with where its value lives in the
 * cluster: plain values in the {@code catcafe-config} ConfigMap, passwords in the {@code
 * catcafe-credentials} Secret (created by the operator of the cluster, never committed). The names
 * are the ones the picocli mixins of {@code dev.catcafe.model.cli} read.
 */
public enum EnvSetting {
  KAFKA_BOOTSTRAP_SERVERS(SettingsGroup.KAFKA, profile -> profile.kafka().bootstrapServers()),
  KAFKA_TOPIC_PREFIX(SettingsGroup.KAFKA, profile -> profile.kafka().topicPrefix()),
  POSTGRES_URL(SettingsGroup.POSTGRES, profile -> profile.postgres().jdbcUrl()),
  POSTGRES_USER(SettingsGroup.POSTGRES, profile -> profile.postgres().user()),
  POSTGRES_PASSWORD(SettingsGroup.POSTGRES, "postgres-password", false),
  ICEBERG_CATALOG_NAME(SettingsGroup.CATALOG, profile -> profile.catalog().name()),
  ICEBERG_CATALOG_TYPE(SettingsGroup.CATALOG, profile -> profile.catalog().type().wireName()),
  ICEBERG_CATALOG_URI(SettingsGroup.CATALOG, profile -> profile.catalog().uri()),
  ICEBERG_CATALOG_USER(SettingsGroup.CATALOG, profile -> profile.catalog().user()),
  ICEBERG_CATALOG_PASSWORD(SettingsGroup.CATALOG, "iceberg-catalog-password", false),
  ICEBERG_WAREHOUSE(SettingsGroup.CATALOG, profile -> profile.catalog().warehouse()),
  LAKEHOUSE_NAMESPACE(SettingsGroup.CATALOG, profile -> profile.catalog().namespace()),
  SPARK_EVENT_LOG_DIR(SettingsGroup.EVENT_LOG, ClusterProfile::eventLogDirectory),
  /* The object store of an s3:// warehouse (its keys, when not from pod identity, are secrets). */
  S3_ENDPOINT(
      SettingsGroup.CATALOG,
      profile -> profile.catalog().objectStore().map(ObjectStoreSettings::endpoint).orElse("")),
  S3_REGION(
      SettingsGroup.CATALOG,
      profile ->
          profile
              .catalog()
              .objectStore()
              .map(ObjectStoreSettings::region)
              .orElse(ObjectStoreSettings.DEFAULT_REGION)),
  /* Optional: without a token the UI serves the feed but refuses adoption write-back. */
  ALERT_UI_STAFF_TOKEN(SettingsGroup.ALERT_UI, "alert-ui-staff-token", true);

  private final SettingsGroup group;
  private final Function<ClusterProfile, String> plainValue;
  private final String secretKey;
  private final boolean optional;

  EnvSetting(SettingsGroup group, Function<ClusterProfile, String> plainValue) {
    this.group = group;
    this.plainValue = plainValue;
    this.secretKey = null;
    this.optional = false;
  }

  EnvSetting(SettingsGroup group, String secretKey, boolean optional) {
    this.group = group;
    this.plainValue = null;
    this.secretKey = secretKey;
    this.optional = optional;
  }

  public SettingsGroup group() {
    return group;
  }

  /**
   * Whether the value is a secret, referenced from the credentials Secret by {@link #secretKey}.
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
