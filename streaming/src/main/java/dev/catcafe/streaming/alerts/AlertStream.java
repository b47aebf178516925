package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.Settings;
import java.time.Duration;

/**
 * What both alert jobs' configurations hold besides their own rules, validated here once: where the
 * query reads and writes, how it runs, and where it checkpoints. {@link AlertQuery} wires and
 * {@link AlertJobRun} runs either job's query through it.
 *
 * @param kafka where to read the input and write the alerts
 * @param mode real-time or micro-batch execution
 * @param checkpointLocation the query's checkpoint directory (offsets, and the Detective's state: a
 *     restart resumes there)
 * @param triggerInterval real-time mode: how often it checkpoints (at least 5 s, Spark's minimum);
 *     micro-batch mode: the batch spacing (0 = next batch as soon as one ends)
 * @param startingOffsets {@code latest} (the original's choice) or {@code earliest}; used only when
 *     the checkpoint is new
 */
public record AlertStream(
    KafkaSettings kafka,
    AlertJobMode mode,
    String checkpointLocation,
    Duration triggerInterval,
    String startingOffsets) {
  public AlertStream {
    requireNonNull(kafka, "kafka is null");
    requireNonNull(mode, "mode is null");
    checkpointLocation = Settings.requireText(checkpointLocation, "--checkpoint-location");
    mode.requireTriggerInterval(triggerInterval, "--trigger-interval");
    startingOffsets = AlertSettings.requireStartingOffsets(startingOffsets);
  }
}
