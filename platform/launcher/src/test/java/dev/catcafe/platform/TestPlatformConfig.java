package dev.catcafe.platform;

import static dev.catcafe.model.testing.ConfigAssertions.assertFullEnvironmentMapping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.config.LakeStorage;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Pins the local platform's variables and defaults, and maps each onto {@link PlatformConfig}. */
final class TestPlatformConfig {
  private static final Path ROOT = Path.of("/repo");

  @Test
  void recordsEveryDefault() {
    assertThat(PlatformConfig.fromEnvironment(ROOT, Map.of()))
        .isEqualTo(
            new PlatformConfig(
                ROOT,
                Path.of("/repo/.work/platform"),
                5432,
                9092,
                9093,
                8080,
                1,
                "2G",
                9090,
                9000,
                LakeStorage.FILE,
                "127.0.0.1",
                OptionalInt.empty()));
  }

  @Test
  void mapsEveryVariable() {
    assertFullEnvironmentMapping(
        environment -> PlatformConfig.fromEnvironment(ROOT, environment),
        Map.ofEntries(
            Map.entry("CATCAFE_HOME", "/data/platform"),
            Map.entry("POSTGRES_PORT", "15432"),
            Map.entry("KAFKA_PORT", "19092"),
            Map.entry("KAFKA_CONTROLLER_PORT", "19093"),
            Map.entry("TRINO_PORT", "18080"),
            Map.entry("KAFKA_TOPIC_PARTITIONS", "3"),
            Map.entry("TRINO_HEAP", "4G"),
            Map.entry("PROMETHEUS_PORT", "19090"),
            Map.entry("S3_PORT", "19000"),
            Map.entry("LAKE_STORAGE", "s3"),
            Map.entry("CATCAFE_BIND_HOST", "0.0.0.0"),
            Map.entry("KAFKA_PEER_PORT", "19094")),
        new PlatformConfig(
            ROOT,
            Path.of("/data/platform"),
            15432,
            19092,
            19093,
            18080,
            3,
            "4G",
            19090,
            19000,
            LakeStorage.S3,
            "0.0.0.0",
            OptionalInt.of(19094)));
  }

  @Test
  void theBindHostIsThisMachineOrEveryInterface() {
    assertThatThrownBy(
            () -> PlatformConfig.fromEnvironment(ROOT, Map.of("CATCAFE_BIND_HOST", "192.168.1.5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CATCAFE_BIND_HOST");
  }
}
