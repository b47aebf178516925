package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

final class TestRetryBackoff {
  @Test
  void doublesFromTheInitialWaitUpToTheMax() {
    RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(250), Duration.ofSeconds(10));

    assertThat(backoff.delay(1)).isEqualTo(Duration.ofMillis(250));
    assertThat(backoff.delay(2)).isEqualTo(Duration.ofMillis(500));
    assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delay(6)).isEqualTo(Duration.ofSeconds(8));
    assertThat(backoff.delay(7)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.delay(1_000)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void theDefaultRetriesQuicklyAndAtLeastEveryTenSeconds() {
    assertThat(RetryBackoff.DEFAULT.delay(1)).isEqualTo(Duration.ofMillis(250));
    assertThat(RetryBackoff.DEFAULT.delay(100)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new RetryBackoff(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("below the initial");
    assertThatThrownBy(() -> RetryBackoff.DEFAULT.delay(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
