package dev.catcafe.model.monitoring;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Every metric the lakehouse's jobs export, declared once: the exporters register them by {@link
 * #meterName()}, the alerting rules and the README read them by {@link #prometheusName()}.
 */
public enum Metric {
  STREAMING_INPUT_ROWS(
      "catcafe_streaming_input_rows",
      Type.COUNTER,
      "Rows the query read from its source (numInputRows, summed over batches).",
      "query"),
  STREAMING_OUTPUT_ROWS(
      "catcafe_streaming_output_rows",
      Type.COUNTER,
      "Rows the query's sink wrote, where the sink reports them (the alert jobs' Kafka sink).",
      "query"),
  STREAMING_BATCHES(
      "catcafe_streaming_batches", Type.COUNTER, "Micro-batches the query completed.", "query"),
  STREAMING_INPUT_RATE(
      "catcafe_streaming_input_rows_per_second",
      Type.GAUGE,
      "Input rate of the last batch: rows arriving per second.",
      "query"),
  STREAMING_PROCESSING_RATE(
      "catcafe_streaming_processed_rows_per_second",
      Type.GAUGE,
      "Processing rate of the last batch: rows processed per second of batch time.",
      "query"),
  STREAMING_BATCH_DURATION(
      "catcafe_streaming_batch_duration_seconds",
      Type.GAUGE,
      "Wall time of the last batch (triggerExecution).",
      "query"),
  STREAMING_LAST_PROGRESS(
      "catcafe_streaming_last_progress_timestamp_seconds",
      Type.GAUGE,
      "When the query last reported progress (Unix seconds).",
      "query"),
  STREAMING_OFFSETS_BEHIND_LATEST(
      "catcafe_streaming_offsets_behind_latest",
      Type.GAUGE,
      "Kafka records between the last batch's end and the latest offset when it was planned.",
      "query",
      "topic",
      "partition"),
  STREAMING_STATE_ROWS(
      "catcafe_streaming_state_rows",
      Type.GAUGE,
      "Rows in the query's state stores after the last batch (the Detective's visitors).",
      "query"),
  STREAMING_STATE_MEMORY(
      "catcafe_streaming_state_memory_bytes",
      Type.GAUGE,
      "Memory the query's state stores used after the last batch.",
      "query"),
  STREAMING_QUERY_ACTIVE(
      "catcafe_streaming_query_active",
      Type.GAUGE,
      "1 while the query runs, 0 once it stopped or failed.",
      "query"),
  INGEST_ROWS_WRITTEN(
      "catcafe_ingest_rows_written",
      Type.COUNTER,
      "Valid events the ingestion committed to the raw table (replayed batches not counted twice).",
      "table"),
  INGEST_DEAD_LETTERS(
      "catcafe_ingest_dead_letters",
      Type.COUNTER,
      "Records of the topic the ingestion could not type, written to ingest_errors.",
      "table"),
  INGEST_UNKNOWN_FIELD_RECORDS(
      "catcafe_ingest_unknown_field_records",
      Type.COUNTER,
      "Records carrying fields the schema does not know (ingested, those fields ignored).",
      "table"),
  DROPPED_RECORDS(
      "catcafe_dropped_records",
      Type.COUNTER,
      "Records an alert job dropped on purpose, by reason: late_like (behind the Detective's"
          + " watermark), skipped_offset (gone from Kafka before it was read), malformed.",
      "query",
      "reason"),
  BATCH_RUNS(
      "catcafe_batch_runs",
      Type.COUNTER,
      "Runs of a batch job by the local batch scheduler, by status: success or failure.",
      "batch_job",
      "status"),
  BATCH_LAST_SUCCESS(
      "catcafe_batch_last_success_timestamp_seconds",
      Type.GAUGE,
      "When the batch job last succeeded (Unix seconds); the scheduler's start until it has.",
      "batch_job"),
  BATCH_RUN_DURATION(
      "catcafe_batch_run_duration_seconds",
      Type.GAUGE,
      "Wall time of the batch job's last run, successful or not.",
      "batch_job"),
  SIMULATOR_EVENTS_PRODUCED(
      "catcafe_simulator_events_produced",
      Type.COUNTER,
      "Events the simulator produced that the broker acknowledged, by topic.",
      "topic"),
  SIMULATOR_DELIVERY_FAILURES(
      "catcafe_simulator_delivery_failures",
      Type.COUNTER,
      "Events the broker did not accept (the simulator stops at the first one)."),
  UI_WEBSOCKET_CLIENTS(
      "catcafe_ui_websocket_clients", Type.GAUGE, "Browsers connected to the alert feed."),
  UI_FEED_MESSAGES(
      "catcafe_ui_feed_messages",
      Type.COUNTER,
      "Messages the UI pushed to its feed (an alert card or an adoption), to every client."),
  UI_PENDING_WRITE_BACKS(
      "catcafe_ui_pending_write_backs",
      Type.GAUGE,
      "Adoption write-backs handed over and not yet settled in PostgreSQL (the write-back queue)."),
  UI_WRITE_BACK_FAILED_TRIES(
      "catcafe_ui_write_back_failed_tries",
      Type.COUNTER,
      "Adoption write-back tries that failed (PostgreSQL away) and were retried."),
  UI_CONSUMER_FAILURES(
      "catcafe_ui_consumer_failures",
      Type.COUNTER,
      "Times the UI's Kafka consumer failed (broker away) and was created again."),
  UI_SKIPPED_RECORDS(
      "catcafe_ui_skipped_records",
      Type.COUNTER,
      "Alert records the UI could not read and skipped (not JSON of an alert)."),
  DATA_QUALITY_CHECK_PASSED(
      "catcafe_data_quality_check_passed",
      Type.GAUGE,
      "1 if the data-quality check on the lake table passed in its last run, 0 if it failed.",
      "table",
      "check"),
  DATA_QUALITY_FAILED_CHECKS(
      "catcafe_data_quality_failed_checks",
      Type.GAUGE,
      "Data-quality checks that failed in the last run (0 when the lake passed every check)."),
  DATA_QUALITY_LAST_RUN(
      "catcafe_data_quality_last_run_timestamp_seconds",
      Type.GAUGE,
      "When the data-quality checks last ran to the end, passed or not (Unix seconds).");

  /** {@link #BATCH_RUNS}' status of a run that completed. */
  public static final String STATUS_SUCCESS = "success";

  /** {@link #BATCH_RUNS}' status of a run that failed. */
  public static final String STATUS_FAILURE = "failure";

  /** How Prometheus sees a metric. */
  public enum Type {
    COUNTER,
    GAUGE
  }

  /** {@link #DROPPED_RECORDS}' reason for a like behind the Detective's watermark. */
  public static final String REASON_LATE_LIKE = "late_like";

  /** {@link #DROPPED_RECORDS}' reason for Kafka offsets retention deleted before they were read. */
  public static final String REASON_SKIPPED_OFFSET = "skipped_offset";

  /** {@link #DROPPED_RECORDS}' reason for a record that is not JSON of its event. */
  public static final String REASON_MALFORMED = "malformed";

  private final String meterName;
  private final Type type;
  private final String help;
  private final List<String> labels;

  Metric(String meterName, Type type, String help, String... labels) {
    this.meterName = requireNonNull(meterName, "meterName is null");
    this.type = requireNonNull(type, "type is null");
    this.help = requireNonNull(help, "help is null");
    this.labels = List.of(labels);
  }

  /** The name an exporter registers (Prometheus adds {@code _total} to a counter's). */
  public String meterName() {
    return meterName;
  }

  /** The name Prometheus stores and the rules query. */
  public String prometheusName() {
    return type == Type.COUNTER ? meterName + "_total" : meterName;
  }

  public Type type() {
    return type;
  }

  public String help() {
    return help;
  }

  /** The labels the exporter sets (Prometheus adds {@code job} and {@code instance}). */
  public List<String> labels() {
    return labels;
  }
}
