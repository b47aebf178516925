package dev.catcafe.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TestReleases {
  @Test
  void theBuildWritesThePomsReleases() {
    assertThat(Releases.TRINO).matches("\\d+");
    assertThat(System.getProperty("catcafe.trino.version", Releases.TRINO))
        .isEqualTo(Releases.TRINO);
    assertThat(System.getProperty("catcafe.spark.version", Releases.SPARK))
        .isEqualTo(Releases.SPARK);
    assertThat(System.getProperty("catcafe.scala.binary.version", Releases.SCALA_BINARY))
        .isEqualTo(Releases.SCALA_BINARY);
  }
}
