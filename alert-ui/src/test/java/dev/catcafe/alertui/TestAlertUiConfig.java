package dev.catcafe.alertui;

import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static dev.catcafe.model.testing.ConfigAssertions.parseWithoutEnvironment;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins the alert UI's option names and defaults, and maps each onto {@link AlertUiConfig}. */
final class TestAlertUiConfig {
  private static final String POSTGRES_PASSWORD =
      System.getenv().getOrDefault("POSTGRES_PASSWORD", "");

  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(
        new AlertUiServer(),
        Map.ofEntries(
            Map.entry("--kafka-bootstrap-servers", "127.0.0.1:9092"),
            Map.entry("--kafka-topic-prefix", ""),
            Map.entry("--postgres-url", "jdbc:postgresql://127.0.0.1:5432/cafe"),
            Map.entry("--postgres-user", "cafe"),
            Map.entry("--host", "127.0.0.1"),
            Map.entry("--port", "8788"),
            Map.entry("--max-connections", "100"),
            Map.entry("--adoption-share", "0.25"),
            Map.entry("--recent-alerts", "50"),
            Map.entry("--consumer-group", "catcafe-alert-ui"),
            Map.entry("--new-group-start", "latest"),
            Map.entry("--pool-size", "4")));
  }

  @Test
  void mapsEveryOption() {
    assertFullMapping(
        AlertUiServer::new,
        Map.ofEntries(
            Map.entry("--kafka-bootstrap-servers", "broker:19092"),
            Map.entry("--kafka-topic-prefix", "t-"),
            Map.entry("--postgres-url", "jdbc:postgresql://db:5433/shop"),
            Map.entry("--postgres-user", "clerk"),
            Map.entry("--host", "0.0.0.0"),
            Map.entry("--port", "9000"),
            Map.entry("--max-connections", "3"),
            Map.entry("--adoption-share", "0"),
            Map.entry("--recent-alerts", "7"),
            Map.entry("--consumer-group", "ui-test"),
            Map.entry("--new-group-start", "earliest"),
            Map.entry("--pool-size", "2")),
        // The staff token has no option on purpose: it comes from the environment only.
        server -> server.config().withStaffToken(StaffToken.disabled()),
        new AlertUiConfig(
            "0.0.0.0",
            9000,
            3,
            0.0,
            StaffToken.disabled(),
            7,
            "ui-test",
            "earliest",
            2,
            AlertUiConfig.DEFAULT_NAME_CACHE_SIZE,
            new KafkaSettings("broker:19092", "t-"),
            new PostgresSettings("jdbc:postgresql://db:5433/shop", "clerk", POSTGRES_PASSWORD)));
  }

  @Test
  void optionDefaultsAreTheConfigDefaults() {
    AlertUiConfig parsed =
        parseWithoutEnvironment(new AlertUiServer()).config().withStaffToken(StaffToken.disabled());

    assertThat(parsed)
        .isEqualTo(
            AlertUiConfig.defaults(
                new KafkaSettings("127.0.0.1:9092"),
                new PostgresSettings(
                    "jdbc:postgresql://127.0.0.1:5432/cafe", "cafe", POSTGRES_PASSWORD)));
  }

  @Test
  void withMethodsChangeOnlyWhatTheyName() {
    AlertUiConfig defaults =
        AlertUiConfig.defaults(
            new KafkaSettings("127.0.0.1:9092"),
            new PostgresSettings("jdbc:postgresql://127.0.0.1:5432/cafe", "cafe", ""));
    StaffToken token = StaffToken.of("a-long-secret");

    AlertUiConfig changed =
        defaults
            .withPort(0)
            .withMaxConnections(2)
            .withAdoptionShare(1.0)
            .withStaffToken(token)
            .withConsumerGroup("ui-it", "earliest");

    assertThat(changed)
        .isEqualTo(
            new AlertUiConfig(
                defaults.host(),
                0,
                2,
                1.0,
                token,
                defaults.recentAlerts(),
                "ui-it",
                "earliest",
                defaults.poolSize(),
                defaults.nameCacheSize(),
                defaults.kafka(),
                defaults.postgres()));
  }
}
