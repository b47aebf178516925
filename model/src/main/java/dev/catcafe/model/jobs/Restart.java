package dev.catcafe.model.jobs;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * When the Spark operator restarts an application.
 *
 * @param policy the operator's restart policy
 * @param maxAttempts restarts before the operator gives up
 * @param backoff wait between two attempts
 * @param counterReset an attempt that ran this long resets the counter (so a streaming job that
 *     fails once a day is restarted forever, while one that crash-loops stops); zero for never
 */
public record Restart(
    RestartPolicy policy, int maxAttempts, Duration backoff, Duration counterReset) {
  public Restart {
    requireNonNull(policy, "policy is null");
    if (maxAttempts < 0) {
      throw new IllegalArgumentException("maxAttempts must be >= 0: " + maxAttempts);
    }
    requireNonNull(backoff, "backoff is null");
    requireNonNull(counterReset, "counterReset is null");
    if (backoff.isNegative() || counterReset.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
    if (policy == RestartPolicy.Never && maxAttempts != 0) {
      throw new IllegalArgumentException("policy Never allows no restart attempt");
    }
  }

  /** For streaming jobs: always back up, a crash loop stops after {@code maxAttempts}. */
  public static Restart always(int maxAttempts) {
    return new Restart(
        RestartPolicy.Always, maxAttempts, Duration.ofSeconds(30), Duration.ofHours(1));
  }

  /** For batch jobs: retry a failed run a few times (the original retried twice). */
  public static Restart onFailure(int maxAttempts) {
    return new Restart(RestartPolicy.OnFailure, maxAttempts, Duration.ofMinutes(1), Duration.ZERO);
  }
}
