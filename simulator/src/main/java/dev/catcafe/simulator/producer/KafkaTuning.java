package dev.catcafe.simulator.producer;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.cli.Durations;
import java.time.Duration;
import java.util.Set;

/**
 * The producer settings worth tuning for throughput; safety settings (idempotence, acks=all) are
 * fixed in {@link KafkaEventSink}.
 *
 * @param compression {@code lz4} (default), {@code zstd}, {@code snappy}, {@code gzip} or {@code
 *     none}
 * @param lingerMillis how long a batch waits for more records before it is sent
 * @param batchBytes the largest batch per partition
 * @param timeout how long to wait for the broker before failing (connect, metadata, a full buffer)
 */
public record KafkaTuning(String compression, int lingerMillis, int batchBytes, Duration timeout) {
  public static final Set<String> COMPRESSIONS = Set.of("lz4", "zstd", "snappy", "gzip", "none");
  public static final String DEFAULT_COMPRESSION = "lz4";
  public static final int DEFAULT_LINGER_MILLIS = 20;
  public static final int DEFAULT_BATCH_BYTES = 256 * 1024;
  public static final String DEFAULT_TIMEOUT_TEXT = "15s";
  public static final KafkaTuning DEFAULT =
      new KafkaTuning(
          DEFAULT_COMPRESSION,
          DEFAULT_LINGER_MILLIS,
          DEFAULT_BATCH_BYTES,
          Durations.parse(DEFAULT_TIMEOUT_TEXT));

  public KafkaTuning {
    requireNonNull(compression, "compression is null");
    if (!COMPRESSIONS.contains(compression)) {
      throw new IllegalArgumentException(
          "--compression is '%s': expected one of %s".formatted(compression, COMPRESSIONS));
    }
    if (lingerMillis < 0 || lingerMillis > 60_000) {
      throw new IllegalArgumentException(
          "--linger-ms is %d: expected 0 to 60000".formatted(lingerMillis));
    }
    if (batchBytes < 1024 || batchBytes > 16 * 1024 * 1024) {
      throw new IllegalArgumentException(
          "--batch-size is %d: expected 1024 to 16777216 bytes".formatted(batchBytes));
    }
    Durations.requirePositive(timeout, "--kafka-timeout");
  }
}
