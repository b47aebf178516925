package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionData;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.deletes.EqualityDeleteWriter;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.encryption.EncryptedOutputFile;
import org.apache.iceberg.io.DataWriter;
import org.apache.iceberg.io.FileWriterFactory;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.io.RollingDataWriter;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.iceberg.spark.data.SparkParquetWriters;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.util.PropertyUtil;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * Writes rows of a table partitioned by {@code days(<timestamp column>)} into its Parquet data
 * files, in a task, as Iceberg's Spark writer would: the table's Parquet settings and column
 * metrics, one rolling file per day at the table's target size. The rows are Spark internal rows in
 * the table's column order. {@link #close} returns the files for the driver to commit; nothing is
 * in the table until it does (a failed task's files are orphans for maintenance to remove).
 *
 * <p>The day of a row is computed from its microseconds here rather than by Iceberg's transform,
 * which goes through {@code OffsetDateTime} for every row, and consecutive rows of one day reach
 * their file without a map lookup.
 */
final class DailyDataFiles {
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final int NO_DAY = Integer.MIN_VALUE;

  private final Table table;
  private final int dayColumn;
  private final OutputFileFactory files;
  private final FileWriterFactory<InternalRow> writers;
  private final long targetFileSize;
  private final Map<Integer, RollingDataWriter<InternalRow>> open = new HashMap<>();
  private int lastDay = NO_DAY;
  private RollingDataWriter<InternalRow> lastWriter;

  /**
   * Files of {@code table} written by task {@code taskId} of partition {@code partitionId}; {@code
   * operationId} keeps the names of different batches apart.
   */
  DailyDataFiles(Table table, int partitionId, long taskId, String operationId) {
    this.table = requireNonNull(table, "table is null");
    this.dayColumn = dayColumn(table);
    this.files =
        OutputFileFactory.builderFor(table, partitionId, taskId)
            .format(FileFormat.PARQUET)
            .operationId(requireNonNull(operationId, "operationId is null"))
            .build();
    this.writers = new ParquetRows(table);
    this.targetFileSize =
        PropertyUtil.propertyAsLong(
            table.properties(),
            TableProperties.WRITE_TARGET_FILE_SIZE_BYTES,
            TableProperties.WRITE_TARGET_FILE_SIZE_BYTES_DEFAULT);
  }

  /**
   * The position of the column {@code table} is partitioned by the day of; fails unless that is its
   * only partition field, as the lake's tables are created ({@code days(<timestamp>)}).
   */
  static int dayColumn(Table table) {
    PartitionSpec spec = requireNonNull(table, "table is null").spec();
    List<PartitionField> fields = spec.fields();
    // One field, the day of a timestamp: the day is computed here from the row's microseconds.
    if (fields.size() != 1
        || !"day".equals(fields.get(0).transform().toString())
        || !(table.schema().findType(fields.get(0).sourceId()) instanceof Types.TimestampType)) {
      throw new IllegalStateException(
          "%s is partitioned by %s; ingestion writes tables partitioned by days(<timestamp>)"
              .formatted(table.name(), spec));
    }
    String column = table.schema().findColumnName(fields.get(0).sourceId());
    int position = List.of(SparkSchemaUtil.convert(table.schema()).fieldNames()).indexOf(column);
    if (position < 0) {
      throw new IllegalStateException(
          "%s is partitioned by the day of %s, which is not a top-level column"
              .formatted(table.name(), column));
    }
    return position;
  }

  /** Adds {@code row} to the file of its day. */
  void write(InternalRow row) {
    int day =
        row.isNullAt(dayColumn)
            ? NO_DAY
            : Math.toIntExact(Math.floorDiv(row.getLong(dayColumn), MICROS_PER_DAY));
    if (lastWriter == null || day != lastDay) {
      lastWriter = open.computeIfAbsent(day, this::newWriter);
      lastDay = day;
    }
    lastWriter.write(row);
  }

  private RollingDataWriter<InternalRow> newWriter(int day) {
    PartitionData partition = new PartitionData(table.spec().partitionType());
    partition.set(0, day == NO_DAY ? null : day);
    return new RollingDataWriter<>(
        writers, files, table.io(), targetFileSize, table.spec(), partition);
  }

  /** Closes every file and returns them; none when no row was written. */
  List<DataFile> close() {
    List<DataFile> written = new ArrayList<>();
    try {
      for (RollingDataWriter<InternalRow> writer : open.values()) {
        writer.close();
        written.addAll(writer.result().dataFiles());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close a data file of " + table.name(), e);
    }
    open.clear();
    lastWriter = null;
    return written;
  }

  /**
   * Closes what is open and deletes every file written, for a task that failed: none of it will be
   * committed, and on a full disk the space is what the restart needs. What fails here is added to
   * {@code failure} as suppressed; the caller rethrows it.
   */
  void abort(Throwable failure) {
    requireNonNull(failure, "failure is null");
    for (RollingDataWriter<InternalRow> writer : open.values()) {
      try {
        writer.close();
        for (DataFile file : writer.result().dataFiles()) {
          table.io().deleteFile(file.location());
        }
      } catch (IOException | RuntimeException e) {
        failure.addSuppressed(e);
      }
    }
    open.clear();
    lastWriter = null;
  }

  /** Parquet data files of the table, written from Spark internal rows. */
  private static final class ParquetRows implements FileWriterFactory<InternalRow> {
    private final Table table;
    private final StructType rowType;

    ParquetRows(Table table) {
      this.table = table;
      this.rowType = SparkSchemaUtil.convert(table.schema());
    }

    @Override
    public DataWriter<InternalRow> newDataWriter(
        EncryptedOutputFile file, PartitionSpec spec, StructLike partition) {
      try {
        return Parquet.writeData(file)
            .forTable(table)
            .createWriterFunc(type -> SparkParquetWriters.buildWriter(rowType, type))
            .withSpec(spec)
            .withPartition(partition)
            .withKeyMetadata(file.keyMetadata())
            .overwrite()
            .build();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot open a data file of " + table.name(), e);
      }
    }

    @Override
    public EqualityDeleteWriter<InternalRow> newEqualityDeleteWriter(
        EncryptedOutputFile file, PartitionSpec spec, StructLike partition) {
      throw new UnsupportedOperationException("ingestion only appends");
    }

    @Override
    public PositionDeleteWriter<InternalRow> newPositionDeleteWriter(
        EncryptedOutputFile file, PartitionSpec spec, StructLike partition) {
      throw new UnsupportedOperationException("ingestion only appends");
    }
  }
}
