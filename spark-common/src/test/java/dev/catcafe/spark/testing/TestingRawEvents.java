package dev.catcafe.spark.testing;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.spark.RawTables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.types.StructType;

/**
 * Writes events into a topic's raw lake table the way the ingestion leaves them, for suites that
 * test what reads the raw tables (the daily summary, the Trino views) without running the
 * ingestion: the table as the ingestion partitions it, and each event with its lineage columns.
 */
public final class TestingRawEvents {
  private TestingRawEvents() {}

  /**
   * Appends {@code events} (rows of the topic's event columns) to its raw table, created with its
   * namespace if missing: Kafka partition 0, offsets from {@code firstOffset} on, {@code
   * ingestedAt} as both the record's timestamp and the ingestion time.
   */
  public static void append(
      SparkSession spark,
      CatalogSettings catalog,
      Topic topic,
      List<Row> events,
      long firstOffset,
      Instant ingestedAt) {
    requireNonNull(spark, "spark is null");
    requireNonNull(topic, "topic is null");
    requireNonNull(events, "events is null");
    String table = topic.rawTable().qualifiedName(catalog);
    StructType schema = RawTables.schema(topic);
    spark.sql("CREATE NAMESPACE IF NOT EXISTS " + catalog.qualifiedNamespace());
    spark.sql(
        "CREATE TABLE IF NOT EXISTS %s (%s) USING iceberg PARTITIONED BY (%s)"
            .formatted(table, schema.toDDL(), RawTables.partitionTransform(topic)));
    Timestamp ingested = Timestamp.from(requireNonNull(ingestedAt, "ingestedAt is null"));
    List<Row> rows = new ArrayList<>();
    long offset = firstOffset;
    for (Row event : events) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < event.size(); i++) {
        values.add(event.get(i));
      }
      values.add(0);
      values.add(offset++);
      values.add(ingested);
      values.add(ingested);
      rows.add(RowFactory.create(values.toArray()));
    }
    try {
      spark.createDataFrame(rows, schema).writeTo(table).append();
    } catch (NoSuchTableException e) {
      throw new IllegalStateException(table + " was just created", e);
    }
  }
}
