package dev.catcafe.batch.summary;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.spark.RawTables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.types.StructType;

/**
 * Writes events into raw tables laid out as the ingestion lays them out ({@link RawTables}: typed
 * event columns, lineage columns, partitioned by the day of the event time), so batch tests can
 * start from the lake without running Kafka.
 */
public final class TestingRawTables {
  private final SparkSession spark;
  private final CatalogSettings catalog;
  private final AtomicLong offsets = new AtomicLong();

  public TestingRawTables(SparkSession spark, CatalogSettings catalog) {
    this.spark = requireNonNull(spark, "spark is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
  }

  /** Appends events (their event columns only, in schema order) to {@code topic}'s raw table. */
  public void append(Topic topic, List<Row> events) {
    String table = topic.rawTable().qualifiedName(catalog);
    StructType schema = RawTables.schema(topic);
    spark.sql("CREATE NAMESPACE IF NOT EXISTS " + catalog.qualifiedNamespace());
    spark.sql(
        "CREATE TABLE IF NOT EXISTS %s (%s) USING iceberg PARTITIONED BY (%s)"
            .formatted(table, schema.toDDL(), RawTables.partitionTransform(topic)));
    Timestamp now = Timestamp.from(Instant.now());
    List<Row> rows = new ArrayList<>();
    for (Row event : events) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < event.size(); i++) {
        values.add(event.get(i));
      }
      values.add(0);
      values.add(offsets.getAndIncrement());
      values.add(now);
      values.add(now);
      rows.add(RowFactory.create(values.toArray()));
    }
    try {
      spark.createDataFrame(rows, schema).writeTo(table).append();
    } catch (NoSuchTableException e) {
      throw new IllegalStateException(table + " was just created", e);
    }
  }

  /** Replaces the lake's cat profiles with (cat_id, name) pairs. */
  public void replaceCatProfiles(List<Row> catIdAndName) {
    StructType schema = new StructType().add("cat_id", "string").add("name", "string");
    spark.sql("CREATE NAMESPACE IF NOT EXISTS " + catalog.qualifiedNamespace());
    spark
        .createDataFrame(catIdAndName, schema)
        .writeTo(LakeTable.CATS_PROFILES_RAW.qualifiedName(catalog))
        .using("iceberg")
        .createOrReplace();
  }
}
