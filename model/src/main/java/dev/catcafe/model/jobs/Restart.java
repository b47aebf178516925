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
  /** The exit status of a usage or configuration error ({@code Commands.USAGE_ERROR}). */
  static final int USAGE_ERROR = 2;

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

  /** For one-shot tools: an exit is final. */
  public static Restart never() {
    return new Restart(RestartPolicy.Never, 0, Duration.ZERO, Duration.ZERO);
  }

  /**
   * Whether a run that ended with {@code exitStatus} is started again under this policy (attempts
   * aside): {@code Always} restarts every end, {@code OnFailure} and {@code
   * OnInfrastructureFailure} a non-zero one. A usage error ({@code 2}, a bad option or setting) is
   * never retried: it ends the same way every time.
   */
  public boolean restartsAfter(int exitStatus) {
    if (exitStatus == USAGE_ERROR) {
      return false;
    }
    return switch (policy) {
      case Always -> true;
      case Never -> false;
      case OnFailure, OnInfrastructureFailure -> exitStatus != 0;
    };
  }

  /** For batch jobs: retry a failed run a few times (the original retried twice). */
  public static Restart onFailure(int maxAttempts) {
    return new Restart(RestartPolicy.OnFailure, maxAttempts, Duration.ofMinutes(1), Duration.ZERO);
  }
}
