package dev.catcafe.streaming.alerts;

import dev.catcafe.model.config.KafkaSettings;
import java.time.Duration;

/**
 * What both alert jobs' configurations hold besides their own rules: where the query reads and
 * writes, how it runs, and where it checkpoints. {@link AlertQuery} wires and {@link AlertJobRun}
 * runs either job's query through it.
 */
interface AlertQueryConfig {
  /** Where to read the input and write the alerts. */
  KafkaSettings kafka();

  /** Real-time or micro-batch execution. */
  AlertJobMode mode();

  /** The query's checkpoint directory. */
  String checkpointLocation();

  /** Real-time mode: how often it checkpoints; micro-batch mode: the batch spacing. */
  Duration triggerInterval();

  /** {@code latest} or {@code earliest}; used only when the checkpoint is new. */
  String startingOffsets();
}
