package dev.catcafe.simulator.producer;

import dev.catcafe.model.cli.Durations;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The producer's tuning options (a picocli mixin), shared by the event producer and its benchmark
 * so that the benchmark measures the settings the producer runs with.
 */
public final class KafkaTuningOptions {
  @Option(
      names = "--compression",
      defaultValue = KafkaTuning.DEFAULT_COMPRESSION,
      description = "lz4, zstd, snappy, gzip or none.")
  private String compression;

  @Option(names = "--linger-ms", defaultValue = "" + KafkaTuning.DEFAULT_LINGER_MILLIS)
  private int lingerMillis;

  @Option(
      names = "--batch-size",
      defaultValue = "" + KafkaTuning.DEFAULT_BATCH_BYTES,
      description = "Producer batch size in bytes.")
  private int batchBytes;

  @Option(
      names = "--kafka-timeout",
      defaultValue = KafkaTuning.DEFAULT_TIMEOUT,
      converter = Durations.Converter.class,
      description = "How long to wait for the broker before failing.")
  private Duration kafkaTimeout;

  /** The validated tuning the options describe. */
  public KafkaTuning tuning() {
    return new KafkaTuning(compression, lingerMillis, batchBytes, kafkaTimeout);
  }
}
