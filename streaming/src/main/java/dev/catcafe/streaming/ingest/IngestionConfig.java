package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import dev.catcafe.model.cli.Durations;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.KafkaSettings;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the raw ingestion needs to run.
 *
 * @param kafka where the topics are and how they are named
 * @param catalog the Iceberg catalog and namespace of the raw tables
 * @param topics the topics to ingest, one streaming query each
 * @param checkpointRoot a directory URI or path; query {@code t} checkpoints under {@code
 *     <root>/<raw table of t>}. Deleting it makes the next start read every topic from the earliest
 *     offset again
 * @param triggerInterval how often a micro-batch starts (ignored when {@code availableNow})
 * @param maxOffsetsPerTrigger upper bound of records per topic and micro-batch, so a restart after
 *     a long stop catches up in bounded batches
 * @param minPartitions Spark tasks a micro-batch is split into at least (0: one per Kafka
 *     partition); more than the partition count lets a one-partition topic use several cores
 * @param failOnDataLoss stop the query when offsets it has not read are gone (retention deleted
 *     them, or the topic was recreated) instead of skipping them silently
 * @param availableNow ingest everything present at start, then stop (catch-up runs, benchmarks)
 */
public record IngestionConfig(
    KafkaSettings kafka,
    CatalogSettings catalog,
    Set<Topic> topics,
    String checkpointRoot,
    Duration triggerInterval,
    long maxOffsetsPerTrigger,
    int minPartitions,
    boolean failOnDataLoss,
    boolean availableNow) {
  /** The {@code --trigger-interval} default, as written on the command line. */
  public static final String DEFAULT_TRIGGER_INTERVAL_TEXT = "30s";

  public static final Duration DEFAULT_TRIGGER_INTERVAL =
      Durations.parse(DEFAULT_TRIGGER_INTERVAL_TEXT);
  public static final long DEFAULT_MAX_OFFSETS_PER_TRIGGER = 500_000;

  public IngestionConfig {
    requireNonNull(kafka, "kafka is null");
    requireNonNull(catalog, "catalog is null");
    requireNonNull(topics, "topics is null");
    if (topics.isEmpty()) {
      throw new IllegalArgumentException("at least one topic must be ingested");
    }
    topics = Set.copyOf(EnumSet.copyOf(topics));
    requireNonNull(checkpointRoot, "checkpointRoot is null");
    checkpointRoot = checkpointRoot.strip();
    if (checkpointRoot.isEmpty()) {
      throw new IllegalArgumentException("the checkpoint root must be set");
    }
    while (checkpointRoot.length() > 1 && checkpointRoot.endsWith("/")) {
      checkpointRoot = checkpointRoot.substring(0, checkpointRoot.length() - 1);
    }
    Durations.requirePositive(triggerInterval, "--trigger-interval");
    if (maxOffsetsPerTrigger < 1) {
      throw new IllegalArgumentException(
          "maxOffsetsPerTrigger must be at least 1, was " + maxOffsetsPerTrigger);
    }
    if (minPartitions < 0) {
      throw new IllegalArgumentException("minPartitions must be >= 0, was " + minPartitions);
    }
  }

  /** Topics in declaration order, so queries start and log in a stable order. */
  public List<Topic> orderedTopics() {
    return EnumSet.copyOf(topics).stream().toList();
  }

  /** The checkpoint directory of the query that ingests {@code topic}. */
  public String checkpointLocation(Topic topic) {
    return checkpointRoot + "/" + requireNonNull(topic, "topic is null").rawTable().tableName();
  }
}
