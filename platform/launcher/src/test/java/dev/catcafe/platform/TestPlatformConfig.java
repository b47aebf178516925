package dev.catcafe.platform;

import static dev.catcafe.model.testing.ConfigAssertions.assertFullEnvironmentMapping;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.config.LakeStorage;
import java.nio.file.Path;
import java.util.Map;
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
                LakeStorage.FILE));
  }

  @Test
  void mapsEveryVariable() {
    assertFullEnvironmentMapping(
        environment -> PlatformConfig.fromEnvironment(ROOT, environment),
        Map.of(
            "CATCAFE_HOME", "/data/platform",
            "POSTGRES_PORT", "15432",
            "KAFKA_PORT", "19092",
            "KAFKA_CONTROLLER_PORT", "19093",
            "TRINO_PORT", "18080",
            "KAFKA_TOPIC_PARTITIONS", "3",
            "TRINO_HEAP", "4G",
            "PROMETHEUS_PORT", "19090",
            "S3_PORT", "19000",
            "LAKE_STORAGE", "s3"),
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
            LakeStorage.S3));
  }
}
