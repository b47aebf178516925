package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.cli.Durations;
import dev.catcafe.spark.GracefulStop.RunningBatch;
import java.time.Duration;
import java.util.Locale;
import org.apache.spark.sql.streaming.Trigger;

/**
 * How an alert query is executed. Real-time mode (Spark 4.1) keeps long-running tasks that read,
 * process and write each record as it arrives; micro-batch mode plans one small batch job after
 * another and is the comparison point (and the mode for engines without real-time).
 */
public enum AlertJobMode {
  /** {@code Trigger.RealTime(interval)}: the interval is how often it checkpoints, not latency. */
  REALTIME,
  /** {@code Trigger.ProcessingTime(interval)}: a batch at most every interval, 0 = back to back. */
  MICROBATCH;

  /** Spark's {@code spark.sql.streaming.realTimeMode.minBatchDuration} default. */
  public static final String MINIMUM_REALTIME_INTERVAL = "5s";

  /**
   * Spark's own default. Real-time mode streams records continuously within a batch, but at each
   * batch boundary it checkpoints and launches new long-running tasks, and records arriving then
   * wait (seconds on a loaded two-core machine): rare boundaries keep the tail latency low. The
   * price is replay: a restart re-reads up to this much input, and repeats its alerts with the same
   * ids.
   */
  public static final String DEFAULT_REALTIME_INTERVAL = "5m";

  /**
   * {@code interval} if it suits this mode (never negative; in real-time mode at least {@value
   * #MINIMUM_REALTIME_INTERVAL}), else an {@link IllegalArgumentException} naming {@code option}.
   */
  public Duration requireTriggerInterval(Duration interval, String option) {
    Durations.requireNonNegative(interval, option);
    if (this == REALTIME && interval.compareTo(Durations.parse(MINIMUM_REALTIME_INTERVAL)) < 0) {
      throw new IllegalArgumentException(
          "%s is %s: real-time mode checkpoints at most every %s"
              .formatted(option, interval, MINIMUM_REALTIME_INTERVAL));
    }
    return interval;
  }

  /**
   * The trigger interval when none is given: {@link #DEFAULT_REALTIME_INTERVAL} in real-time mode,
   * the job's own {@code microbatchDefault} in micro-batch mode.
   */
  public Duration defaultTriggerInterval(String microbatchDefault) {
    return Durations.parse(this == REALTIME ? DEFAULT_REALTIME_INTERVAL : microbatchDefault);
  }

  /**
   * {@code given}, the interval an option set, else {@link #defaultTriggerInterval} of {@code
   * microbatchDefault}: no {@code --trigger-interval} means the mode's own default.
   */
  public Duration triggerInterval(Duration given, String microbatchDefault) {
    return given != null ? given : defaultTriggerInterval(microbatchDefault);
  }

  /**
   * What a stop does with the batch in flight: real-time mode's batch lasts minutes and cannot end
   * early, so a stop abandons it (the checkpoint replays it); a micro-batch is finished.
   */
  public RunningBatch runningBatch() {
    return this == REALTIME ? RunningBatch.ABANDON : RunningBatch.FINISH;
  }

  /** The trigger for this mode; {@code interval} means checkpointing or batch spacing, as above. */
  public Trigger trigger(Duration interval) {
    long millis = requireNonNull(interval, "interval is null").toMillis();
    return switch (this) {
      case REALTIME -> Trigger.RealTime(millis);
      case MICROBATCH -> Trigger.ProcessingTime(millis);
    };
  }

  /** The form used on the command line and in checkpoint directory names. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the command-line form, {@code realtime} or {@code microbatch}, in any case. */
  public static AlertJobMode parse(String text) {
    requireNonNull(text, "text is null");
    for (AlertJobMode mode : values()) {
      if (mode.wireName().equals(text.strip().toLowerCase(Locale.ROOT))) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        "mode is '%s': expected realtime or microbatch".formatted(text));
  }
}
