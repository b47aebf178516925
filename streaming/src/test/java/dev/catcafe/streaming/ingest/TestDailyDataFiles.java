package dev.catcafe.streaming.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.spark.testing.BaseSparkTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.FileInfo;
import org.apache.iceberg.io.SupportsPrefixOperations;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/** The task-side writer of a day-partitioned table: one file per day; nothing left on failure. */
final class TestDailyDataFiles extends BaseSparkTest {
  private static final Instant MONDAY = Instant.parse("2025-10-06T23:59:59.999Z");
  private static final Instant TUESDAY = Instant.parse("2025-10-07T00:00:00Z");

  @Test
  void writesOneFilePerDayOfTheTimestamp() throws Exception {
    Table table = locationsTable("daily_files");

    List<DataFile> written = mondayTuesdayMonday(table, "write-test").close();

    assertThat(written)
        .extracting(file -> file.partition().get(0, Integer.class), DataFile::recordCount)
        .containsExactlyInAnyOrder(tuple(day(MONDAY), 2L), tuple(day(TUESDAY), 1L));
    assertThat(dataFiles(table, "write-test")).hasSize(2);
  }

  @Test
  void anAbortedWriteLeavesNoFileAndKeepsTheFailure() throws Exception {
    Table table = locationsTable("daily_abort");
    DailyDataFiles files = mondayTuesdayMonday(table, "abort-test");
    RuntimeException failure = new RuntimeException("the task failed");

    files.abort(failure);

    assertThat(dataFiles(table, "abort-test")).isEmpty();
    assertThat(failure.getSuppressed()).isEmpty();
  }

  /** Files of {@code table} holding three rows: Monday, Tuesday, Monday again; still open. */
  private static DailyDataFiles mondayTuesdayMonday(Table table, String operationId) {
    DailyDataFiles files = new DailyDataFiles(table, 0, 1L, operationId);
    files.write(location(MONDAY, 0));
    files.write(location(TUESDAY, 1));
    files.write(location(MONDAY, 2));
    return files;
  }

  private static Table locationsTable(String namespace) throws Exception {
    CatalogSettings catalog = catalog(namespace);
    RawTableSetup.ensureTables(spark, catalog, List.of(Topic.CAT_LOCATIONS));
    return Spark3Util.loadIcebergTable(
        spark, Topic.CAT_LOCATIONS.rawTable().qualifiedName(catalog));
  }

  /** A row of cat_locations_raw: event time, cat, location, then the lineage columns. */
  private static InternalRow location(Instant eventTime, long offset) {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, eventTime);
    return new GenericInternalRow(
        new Object[] {
          micros,
          UTF8String.fromString("cat-1"),
          UTF8String.fromString("sunny_corner"),
          0,
          offset,
          micros,
          micros
        });
  }

  private static int day(Instant instant) {
    return Math.toIntExact(ChronoUnit.DAYS.between(Instant.EPOCH, instant));
  }

  /** The table's data files whose names carry {@code operationId}, committed or not. */
  private static List<String> dataFiles(Table table, String operationId) {
    List<String> names = new ArrayList<>();
    for (FileInfo file :
        ((SupportsPrefixOperations) table.io()).listPrefix(table.location() + "/data")) {
      if (file.location().contains(operationId)) {
        names.add(file.location());
      }
    }
    return names;
  }
}
