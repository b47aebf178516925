package dev.catcafe.sparkapps;

import static dev.catcafe.model.testing.ConfigAssertions.environmentVariables;
import static dev.catcafe.model.testing.ConfigAssertions.parseWithEnvironment;
import static dev.catcafe.model.testing.ConfigAssertions.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.cli.CatalogOptions;
import dev.catcafe.model.cli.EventLogOption;
import dev.catcafe.model.cli.KafkaOptions;
import dev.catcafe.model.cli.PostgresOptions;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.model.config.EventLogSettings;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.ObjectStoreSettings;
import dev.catcafe.model.config.PostgresSettings;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Pins the {@code catcafe-config} ConfigMap: its value for every setting of the default cluster,
 * and that it carries every variable the jobs' shared options read, so a pod configured by it runs
 * against the cluster's profile.
 */
final class TestClusterConfig {
  @Command(name = "probe")
  static final class Probe {
    @Mixin KafkaOptions kafka;
    @Mixin PostgresOptions postgres;
    @Mixin CatalogOptions catalog;
    @Mixin EventLogOption eventLog;
  }

  @Test
  void recordsEveryDefault() {
    assertThat(data(ClusterProfile.defaults()))
        .isEqualTo(
            table(
                """
                KAFKA_BOOTSTRAP_SERVERS   catcafe-kafka-kafka-bootstrap.catcafe.svc:9092
                KAFKA_TOPIC_PREFIX        ""
                POSTGRES_URL              jdbc:postgresql://postgresql.catcafe.svc:5432/cafe
                ICEBERG_CATALOG_NAME      lakehouse
                ICEBERG_CATALOG_TYPE      jdbc
                ICEBERG_CATALOG_URI       jdbc:postgresql://postgresql.catcafe.svc:5432/iceberg_catalog
                ICEBERG_WAREHOUSE         s3://catcafe-lake/warehouse
                LAKEHOUSE_NAMESPACE       cafe
                SPARK_EVENT_LOG_DIR       s3://catcafe-lake/spark-events
                S3_ENDPOINT               http://catcafe-s3.catcafe.svc:9000
                S3_REGION                 us-east-1
                """));
  }

  @Test
  void carriesEveryVariableTheSharedOptionsRead() {
    Set<String> plainSettings =
        Arrays.stream(EnvSetting.values())
            .filter(EnvSetting::isPlain)
            .map(EnvSetting::name)
            .collect(Collectors.toSet());
    // The role's and the Kafka principal's names are each workload's own (literals of its env),
    // not the ConfigMap's.
    Set<String> roleUsers =
        Arrays.stream(EnvSetting.values())
            .filter(setting -> setting.credential().equals(Optional.of(EnvSetting.Credential.USER)))
            .map(EnvSetting::name)
            .collect(Collectors.toSet());

    assertThat(data(ClusterProfile.defaults()).keySet()).isEqualTo(plainSettings);
    assertThat(roleUsers)
        .containsExactlyInAnyOrder("KAFKA_USERNAME", "POSTGRES_USER", "ICEBERG_CATALOG_USER");
    Set<String> read = new HashSet<>(plainSettings);
    read.addAll(roleUsers);
    assertThat(environmentVariables(new Probe())).isEqualTo(read);
  }

  @Test
  void mapsEverySettingOntoWhatTheJobsRead() {
    ClusterProfile profile =
        new ClusterProfile(
            "shop",
            "registry.example:5000/shop",
            "1.2.3",
            "shop-kafka",
            new KafkaSettings("shop-kafka-bootstrap.shop.svc:9092", "blue-"),
            new PostgresSettings("jdbc:postgresql://db.shop.svc:5432/orders", "clerk", ""),
            new CatalogSettings(
                "lake",
                CatalogType.JDBC,
                "jdbc:postgresql://db.shop.svc:5432/catalog",
                "keeper",
                "",
                "s3://shop/warehouse",
                "shop",
                Optional.of(
                    new ObjectStoreSettings("http://store.shop.svc:9000", "eu-west-1", "", ""))));

    // Each workload's env adds its role's name (a literal) to the ConfigMap's settings.
    Map<String, String> env = new HashMap<>(data(profile));
    env.put("POSTGRES_USER", profile.postgres().user());
    env.put("ICEBERG_CATALOG_USER", profile.catalog().user());
    Probe probe = parseWithEnvironment(new Probe(), env);

    assertThat(probe.kafka.settings()).isEqualTo(profile.kafka());
    // The passwords come from each role's Secret, not from the ConfigMap.
    assertThat(probe.postgres.settings())
        .usingRecursiveComparison()
        .ignoringFields("password")
        .isEqualTo(profile.postgres());
    assertThat(probe.catalog.settings())
        .usingRecursiveComparison()
        .ignoringFields("password")
        .isEqualTo(profile.catalog());
    assertThat(probe.eventLog.settings()).contains(EventLogSettings.in("s3://shop/spark-events"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> data(ClusterProfile profile) {
    return (Map<String, String>) ClusterConfig.configMap(profile).get("data");
  }
}
