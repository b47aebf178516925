package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.streaming.DataStreamWriter;
import org.apache.spark.sql.streaming.OutputMode;

/** The memory sink the alert query tests read their alerts from, in place of the Kafka topic. */
final class TestingMemorySink {
  private TestingMemorySink() {}

  /**
   * A writer of {@code alerts} to the in-memory table {@code table}, in Update mode as the jobs'
   * Kafka sink, with a checkpoint of its own in a new temporary directory.
   */
  static DataStreamWriter<Row> writer(Dataset<Row> alerts, String table) throws IOException {
    requireNonNull(alerts, "alerts is null");
    requireNonNull(table, "table is null");
    return alerts
        .writeStream()
        .format("memory")
        .queryName(table)
        .outputMode(OutputMode.Update())
        .option("checkpointLocation", Files.createTempDirectory(table + "-checkpoint").toString());
  }
}
