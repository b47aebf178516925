package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;
import org.apache.spark.sql.streaming.Trigger;

/**
 * How a stateless alert query is executed. Real-time mode (Spark 4.1) keeps long-running tasks that
 * read, filter and write each record as it arrives; micro-batch mode plans one small batch job
 * after another and is the comparison point (and the mode for engines without real-time).
 */
public enum AlertJobMode {
  /** {@code Trigger.RealTime(interval)}: the interval is how often it checkpoints, not latency. */
  REALTIME,
  /** {@code Trigger.ProcessingTime(interval)}: a batch at most every interval, 0 = back to back. */
  MICROBATCH;

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
