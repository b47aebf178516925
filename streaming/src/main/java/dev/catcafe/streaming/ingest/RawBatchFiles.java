package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import dev.catcafe.streaming.ingest.RawBatchSink.BatchCounts;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.SerializableTable;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * Writes a micro-batch of one topic as data files of its raw table and of {@code ingest_errors}, in
 * the tasks that read it: each task classifies its Kafka records ({@link RawEventParser}), writes
 * every valid event to a file of its day in the raw table and every dead letter to one of {@code
 * ingest_errors} ({@link DailyDataFiles}), and sends back the files with its counts. Nothing is in
 * either table until the driver commits the files ({@link IdempotentAppend#appendFiles}).
 *
 * <p>Why not a DataFrame write of {@link RawEventParser#validRows}: the plan around the rows (a
 * scan that copies each parsed row into Spark's binary format, a filter, a projection, the
 * observation that counts them, Iceberg's per-row partition transform) took about a fifth of the
 * ingestion's CPU in a profile of the 10M-event benchmark. Here each row goes from the parser to
 * the Parquet writer as the parser made it.
 */
final class RawBatchFiles {
  private RawBatchFiles() {}

  /** The files a batch's tasks wrote, and what they read. */
  record Written(List<DataFile> rawFiles, List<DataFile> errorFiles, BatchCounts counts)
      implements Serializable {
    Written {
      rawFiles = List.copyOf(rawFiles);
      errorFiles = List.copyOf(errorFiles);
      requireNonNull(counts, "counts is null");
    }

    private static Written sum(List<Written> parts) {
      List<DataFile> raw = new ArrayList<>();
      List<DataFile> errors = new ArrayList<>();
      BatchCounts counts = new BatchCounts(0, 0, 0);
      for (Written part : parts) {
        raw.addAll(part.rawFiles());
        errors.addAll(part.errorFiles());
        counts = counts.plus(part.counts());
      }
      return new Written(raw, errors, counts);
    }
  }

  /**
   * Classifies {@code kafkaBatch} (the Kafka source's rows of {@code topic}) and writes its valid
   * events into files of {@code rawTable} (none when it is null: a replay whose rows are committed)
   * and its dead letters into files of {@code errorTable}. The rows' {@code ingested_at} and {@code
   * error_time} are {@code batchMicros}; {@code operationId} tells this write's file names apart.
   */
  static Written write(
      Dataset<Row> kafkaBatch,
      Topic topic,
      Table rawTable,
      Table errorTable,
      long batchMicros,
      String operationId) {
    requireNonNull(kafkaBatch, "kafkaBatch is null");
    requireNonNull(errorTable, "errorTable is null");
    StructType classified = RawEventParser.classifiedSchema(topic);
    // Fail here, once, rather than in every task: both tables must be cut by days(<timestamp>).
    DailyDataFiles.dayColumn(errorTable);
    if (rawTable != null) {
      DailyDataFiles.dayColumn(rawTable);
    }
    WriteTask task =
        new WriteTask(
            RawEventParser.classifier(kafkaBatch.schema(), topic),
            classified.fieldIndex(RawEventParser.IS_VALID),
            classified.fieldIndex(RawEventParser.UNKNOWN_FIELD_COUNT),
            rawTable == null
                ? null
                : new TableRows(
                    SerializableTable.copyOf(rawTable),
                    RowLayout.events(classified, SparkSchemaUtil.convert(rawTable.schema()))),
            new TableRows(
                SerializableTable.copyOf(errorTable),
                RowLayout.deadLetters(classified, SparkSchemaUtil.convert(errorTable.schema()))),
            batchMicros,
            requireNonNull(operationId, "operationId is null"));
    return Written.sum(
        RawEventParser.internalRows(kafkaBatch).toJavaRDD().mapPartitions(task).collect());
  }

  /** A table the tasks write, and how its rows are made from classified rows. */
  private record TableRows(Table table, RowLayout layout) implements Serializable {}

  /**
   * One task: classify its records, write them, report the files and the counts. {@code raw} is
   * null when the batch's rows are committed already (a replay writes only its dead letters).
   */
  private record WriteTask(
      FlatMapFunction<Iterator<InternalRow>, InternalRow> classifier,
      int validColumn,
      int unknownFieldsColumn,
      TableRows raw,
      TableRows errors,
      long batchMicros,
      String operationId)
      implements FlatMapFunction<Iterator<InternalRow>, Written> {

    @Override
    public Iterator<Written> call(Iterator<InternalRow> records) throws Exception {
      Iterator<InternalRow> rows = classifier.call(records);
      DailyDataFiles rawFiles = raw == null ? null : files(raw.table());
      DailyDataFiles errorFiles = null;
      long count = 0;
      long errorCount = 0;
      long unknown = 0;
      try {
        while (rows.hasNext()) {
          InternalRow row = rows.next();
          count++;
          if (row.getInt(unknownFieldsColumn) > 0) {
            unknown++;
          }
          if (row.getBoolean(validColumn)) {
            if (rawFiles != null) {
              rawFiles.write(raw.layout().project(row, batchMicros));
            }
          } else {
            errorCount++;
            if (errorFiles == null) {
              errorFiles = files(errors.table());
            }
            errorFiles.write(errors.layout().project(row, batchMicros));
          }
        }
        return List.of(
                new Written(
                    rawFiles == null ? List.of() : rawFiles.close(),
                    errorFiles == null ? List.of() : errorFiles.close(),
                    new BatchCounts(count, errorCount, unknown)))
            .iterator();
      } catch (Throwable failure) {
        if (rawFiles != null) {
          rawFiles.abort(failure);
        }
        if (errorFiles != null) {
          errorFiles.abort(failure);
        }
        throw failure;
      }
    }

    private DailyDataFiles files(Table table) {
      TaskContext task = TaskContext.get();
      return new DailyDataFiles(table, task.partitionId(), task.taskAttemptId(), operationId);
    }
  }
}
