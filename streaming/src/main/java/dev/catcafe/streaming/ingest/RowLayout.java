package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;

import dev.catcafe.spark.RawTables;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;

/**
 * How a row of {@link RawEventParser#classify} becomes a row of a lake table: each of the table's
 * columns comes from the classified column of the same name (or the one it is renamed from), from
 * the batch's time, or is null when the parser does not know it (a column added to the table
 * since). The one home of the raw tables' and {@code ingest_errors}' row layouts, for the writing
 * tasks ({@link RawBatchFiles}) and the DataFrame form ({@link RawEventParser#validRows}, {@link
 * RawEventParser#errorRows}) alike.
 *
 * @param sources per table column, the classified column's position, {@link #BATCH_TIME} or {@link
 *     #NULL}
 * @param types per table column whose source is a classified column, that column's type
 */
record RowLayout(int[] sources, DataType[] types) implements Serializable {
  private static final int NULL = -1;
  private static final int BATCH_TIME = -2;

  RowLayout {
    requireNonNull(sources, "sources is null");
    requireNonNull(types, "types is null");
  }

  /**
   * A valid event as a row of its raw table ({@code table}); {@code ingested_at} is the batch's.
   */
  static RowLayout events(StructType classified, StructType table) {
    return of(classified, table, Map.of(), RawTables.INGESTED_AT);
  }

  /**
   * A dead letter as a row of {@code ingest_errors} ({@code table}); its error time the batch's.
   */
  static RowLayout deadLetters(StructType classified, StructType table) {
    return of(
        classified,
        table,
        Map.of(
            IngestErrors.TOPIC, RawEventParser.KAFKA_TOPIC,
            IngestErrors.REASON, RawEventParser.ERROR_REASON),
        IngestErrors.ERROR_TIME);
  }

  private static RowLayout of(
      StructType classified, StructType table, Map<String, String> renamed, String batchTime) {
    requireNonNull(classified, "classified is null");
    String[] columns = requireNonNull(table, "table is null").fieldNames();
    List<String> known = List.of(classified.fieldNames());
    int[] sources = new int[columns.length];
    DataType[] types = new DataType[columns.length];
    for (int i = 0; i < columns.length; i++) {
      if (columns[i].equals(batchTime)) {
        sources[i] = BATCH_TIME;
      } else {
        sources[i] = known.indexOf(renamed.getOrDefault(columns[i], columns[i]));
        types[i] = sources[i] == NULL ? null : classified.fields()[sources[i]].dataType();
      }
    }
    return new RowLayout(sources, types);
  }

  /** The table's row for {@code classified}, a row of the batch stamped {@code batchMicros}. */
  InternalRow project(InternalRow classified, long batchMicros) {
    Object[] values = new Object[sources.length];
    for (int i = 0; i < sources.length; i++) {
      int source = sources[i];
      if (source >= 0) {
        values[i] = classified.isNullAt(source) ? null : classified.get(source, types[i]);
      } else if (source == BATCH_TIME) {
        values[i] = batchMicros;
      }
    }
    return new GenericInternalRow(values);
  }
}
