package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class TestFailedAttemptLimiter {
  private final AtomicLong nanos = new AtomicLong();
  private final FailedAttemptLimiter limiter =
      new FailedAttemptLimiter(3, Duration.ofSeconds(1), nanos::get);

  @Test
  void aBurstOfWrongAttemptsThenRefusal() {
    assertThat(limiter.tryAttempt()).isTrue();
    assertThat(limiter.tryAttempt()).isTrue();
    assertThat(limiter.tryAttempt()).isTrue();

    assertThat(limiter.tryAttempt()).isFalse();
    assertThat(limiter.retryAfterSeconds()).isEqualTo(1);
  }

  @Test
  void oneMoreAttemptPerRefill() {
    for (int i = 0; i < 3; i++) {
      limiter.tryAttempt();
    }
    nanos.addAndGet(Duration.ofMillis(999).toNanos());
    assertThat(limiter.tryAttempt()).isFalse();

    nanos.addAndGet(Duration.ofMillis(1).toNanos());
    assertThat(limiter.tryAttempt()).isTrue();
    assertThat(limiter.tryAttempt()).isFalse();
  }

  @Test
  void rightAttemptsDoNotCount() {
    for (int i = 0; i < 100; i++) {
      assertThat(limiter.tryAttempt()).isTrue();
      limiter.succeeded();
    }
  }

  @Test
  void theBucketNeverHoldsMoreThanTheBurst() {
    nanos.addAndGet(Duration.ofHours(1).toNanos());
    int permitted = 0;
    while (limiter.tryAttempt()) {
      permitted++;
    }
    assertThat(permitted).isEqualTo(3);
  }
}
