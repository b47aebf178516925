package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Everything the Adopter Detective needs to run.
 *
 * @param stream likes in, alerts out: real-time (default: each task keeps its input partition's
 *     visitors' state) or micro-batch ({@code transformWithState}) execution
 * @param rules threshold, state TTL and watermark
 */
public record AdopterDetectiveConfig(AlertStream stream, AdopterDetectiveRules rules)
    implements AlertQueryConfig {
  /**
   * A tenth of a second: a like waits for the next trigger (50 ms on average) or, when batches take
   * longer than that (they take 80–140 ms here), for the batch in flight. The Detective's session
   * runs no batch without data ({@link AdopterDetectiveJob#sessionSettings}), so an idle query only
   * asks Kafka for new offsets each interval: 4% of a core, against 10–12% back to back ({@code
   * 0s}) and 1% at 500 ms, the earlier default, which added a quarter of a second on average.
   */
  public static final String DEFAULT_TRIGGER_INTERVAL = "100ms";

  public AdopterDetectiveConfig {
    requireNonNull(stream, "stream is null");
    requireNonNull(rules, "rules is null");
  }

  /** The default trigger interval of {@code mode}. */
  public static Duration defaultTriggerInterval(AlertJobMode mode) {
    return requireNonNull(mode, "mode is null").defaultTriggerInterval(DEFAULT_TRIGGER_INTERVAL);
  }

  /**
   * Where real-time mode keeps the visitors' state: beside Spark's own checkpoint files, in the
   * same store (a local directory or the lake's object store).
   */
  public String stateDirectory() {
    return stream.checkpointLocation().replaceFirst("/+$", "") + "/visitor-likes";
  }
}
