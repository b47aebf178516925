package dev.catcafe.batch.summary;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.spark.testing.TestingRawEvents;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Writes events into raw tables laid out as the ingestion lays them out ({@link RawTables}: typed
 * event columns, lineage columns, partitioned by the day of the event time), so batch tests can
 * start from the lake without running Kafka.
 */
public final class TestingRawTables {
  private final SparkSession spark;
  private final CatalogSettings catalog;

  /** Each topic's next Kafka offset: every topic's rows cover its offsets without a gap. */
  private final Map<Topic, AtomicLong> offsets = new EnumMap<>(Topic.class);

  public TestingRawTables(SparkSession spark, CatalogSettings catalog) {
    this.spark = requireNonNull(spark, "spark is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
  }

  /** Appends events (their event columns only, in schema order) to {@code topic}'s raw table. */
  public void append(Topic topic, List<Row> events) {
    append(topic, events, Instant.now());
  }

  /**
   * As {@link #append(Topic, List)}, ingested at {@code ingestedAt}, at the topic's next offsets.
   */
  public void append(Topic topic, List<Row> events, Instant ingestedAt) {
    AtomicLong next = offsets.computeIfAbsent(topic, unused -> new AtomicLong());
    append(topic, events, next.getAndAdd(events.size()), ingestedAt);
  }

  /**
   * Appends events with the Kafka offsets {@code firstOffset} onwards (partition 0), ingested at
   * {@code ingestedAt}; the topic's next offset moves past them.
   */
  public void append(Topic topic, List<Row> events, long firstOffset, Instant ingestedAt) {
    offsets
        .computeIfAbsent(topic, unused -> new AtomicLong())
        .accumulateAndGet(firstOffset + events.size(), Math::max);
    TestingRawEvents.append(spark, catalog, topic, events, firstOffset, ingestedAt);
  }

  /** Replaces the lake's visitor profiles with these visitor ids. */
  public void replaceVisitorProfiles(List<String> visitorIds) {
    replaceProfiles(
        LakeTable.VISITORS_PROFILES_RAW,
        new StructType().add("visitor_id", "string"),
        visitorIds.stream().map(id -> RowFactory.create(id)).toList());
  }

  /** Replaces the lake's cat profiles with (cat_id, name) pairs. */
  public void replaceCatProfiles(List<Row> catIdAndName) {
    replaceProfiles(
        LakeTable.CATS_PROFILES_RAW,
        new StructType().add("cat_id", "string").add("name", "string"),
        catIdAndName);
  }

  /** Replaces {@code profiles} with {@code rows}, as the snapshot job's one commit would. */
  private void replaceProfiles(LakeTable profiles, StructType schema, List<Row> rows) {
    spark.sql("CREATE NAMESPACE IF NOT EXISTS " + catalog.qualifiedNamespace());
    spark
        .createDataFrame(rows, schema)
        .writeTo(profiles.qualifiedName(catalog))
        .using("iceberg")
        .createOrReplace();
  }
}
