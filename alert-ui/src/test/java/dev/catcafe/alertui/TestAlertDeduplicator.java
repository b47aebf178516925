package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TestAlertDeduplicator {
  @Test
  void passesAnIdOnce() {
    AlertDeduplicator deduplicator = new AlertDeduplicator(10);

    assertThat(deduplicator.firstTime("a")).isTrue();
    assertThat(deduplicator.firstTime("a")).isFalse();
    assertThat(deduplicator.firstTime("b")).isTrue();
  }

  @Test
  void forgetsTheOldestBeyondItsCapacity() {
    AlertDeduplicator deduplicator = new AlertDeduplicator(2);
    deduplicator.firstTime("a");
    deduplicator.firstTime("b");
    deduplicator.firstTime("c");

    assertThat(deduplicator.firstTime("c")).isFalse();
    assertThat(deduplicator.firstTime("a")).isTrue();
  }
}
