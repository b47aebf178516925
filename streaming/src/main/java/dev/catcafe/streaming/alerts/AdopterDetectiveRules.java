package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.cli.Durations;
import java.time.Duration;

/**
 * When the Adopter Detective alerts and how much it remembers.
 *
 * @param threshold alert when a visitor has liked more than this many distinct cats (original: 3)
 * @param stateTtl forget a visitor this long (processing time) after their last like
 * @param watermarkDelay how late (in event time, behind the latest like seen) a like may arrive and
 *     still count; older likes are dropped
 */
public record AdopterDetectiveRules(int threshold, Duration stateTtl, Duration watermarkDelay) {
  public static final int DEFAULT_THRESHOLD = 3;

  /** The {@code --state-ttl} default, as written on the command line. */
  public static final String DEFAULT_STATE_TTL_TEXT = "30d";

  /** The {@code --watermark-delay} default, as written on the command line. */
  public static final String DEFAULT_WATERMARK_DELAY_TEXT = "10m";

  public static final Duration DEFAULT_STATE_TTL = Durations.parse(DEFAULT_STATE_TTL_TEXT);
  public static final Duration DEFAULT_WATERMARK_DELAY =
      Durations.parse(DEFAULT_WATERMARK_DELAY_TEXT);

  public AdopterDetectiveRules {
    if (threshold < 0) {
      throw new IllegalArgumentException("threshold is %d: expected >= 0".formatted(threshold));
    }
    requireNonNull(stateTtl, "stateTtl is null");
    if (stateTtl.isNegative() || stateTtl.isZero()) {
      throw new IllegalArgumentException("state TTL is %s: expected > 0".formatted(stateTtl));
    }
    requireNonNull(watermarkDelay, "watermarkDelay is null");
    if (watermarkDelay.isNegative()) {
      throw new IllegalArgumentException(
          "watermark delay is %s: expected >= 0".formatted(watermarkDelay));
    }
  }

  /** The original's threshold, a 30-day TTL and a 10-minute watermark. */
  public static AdopterDetectiveRules defaults() {
    return new AdopterDetectiveRules(DEFAULT_THRESHOLD, DEFAULT_STATE_TTL, DEFAULT_WATERMARK_DELAY);
  }
}
