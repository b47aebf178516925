package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.cli.Durations;
import java.io.Serializable;
import java.time.Duration;

/**
 * When the Adopter Detective alerts and how much it remembers. Serializable: real-time mode ships
 * the rules to its tasks.
 *
 * @param threshold alert when a visitor has liked more than this many distinct cats (original: 3)
 * @param stateTtl forget a visitor this long (processing time) after their last like
 * @param watermarkDelay how late (in event time, behind the latest like seen) a like may arrive and
 *     still count; older likes are dropped
 */
public record AdopterDetectiveRules(int threshold, Duration stateTtl, Duration watermarkDelay)
    implements Serializable {
  public static final int DEFAULT_THRESHOLD = 3;

  /** The {@code --state-ttl} default, as written on the command line. */
  public static final String DEFAULT_STATE_TTL = "30d";

  /** The {@code --watermark-delay} default, as written on the command line. */
  public static final String DEFAULT_WATERMARK_DELAY = "10m";

  public AdopterDetectiveRules {
    if (threshold < 0) {
      throw new IllegalArgumentException("threshold is %d: expected >= 0".formatted(threshold));
    }
    requireNonNull(stateTtl, "stateTtl is null");
    if (stateTtl.isNegative() || stateTtl.isZero()) {
      throw new IllegalArgumentException("state TTL is %s: expected > 0".formatted(stateTtl));
    }
    Durations.requireNonNegative(watermarkDelay, "--watermark-delay");
  }

  /** The original's threshold, a 30-day TTL and a 10-minute watermark. */
  public static AdopterDetectiveRules defaults() {
    return new AdopterDetectiveRules(
        DEFAULT_THRESHOLD,
        Durations.parse(DEFAULT_STATE_TTL),
        Durations.parse(DEFAULT_WATERMARK_DELAY));
  }
}
