package dev.catcafe.model.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TestTrinoRelease {
  @Test
  void theBuildWritesThePomsTrinoVersion() {
    assertThat(TrinoRelease.VERSION).matches("\\d+");
    assertThat(System.getProperty("catcafe.trino.version", TrinoRelease.VERSION))
        .isEqualTo(TrinoRelease.VERSION);
  }
}
