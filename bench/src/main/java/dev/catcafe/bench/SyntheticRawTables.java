package dev.catcafe.bench;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;
import static org.apache.spark.sql.functions.timestamp_micros;
import static org.apache.spark.sql.functions.when;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.spark.RawTables;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.types.StructField;

/**
 * What the benchmarks' data generators share: events made with {@code spark.range} (a column {@code
 * id}) written straight into raw tables of the ingestion's layout, no Kafka in between.
 */
public final class SyntheticRawTables {
  private SyntheticRawTables() {}

  /**
   * Event times spread evenly over {@code span} from {@code start} by {@code id} ({@code 0} to
   * {@code rows - 1}), so every event lands inside it (integer arithmetic, no overflow).
   */
  public static Column evenlySpread(Instant start, Duration span, long rows) {
    long startMicros = ChronoUnit.MICROS.between(Instant.EPOCH, start);
    double step = (double) (span.toNanos() / 1_000) / rows;
    return timestamp_micros(lit(startMicros).plus(col("id").multiply(step).cast("long")));
  }

  /** The original's interaction mix by {@code id}: one in fifteen a like, the rest in turn. */
  public static Column interactionType() {
    return when(pmod(col("id"), lit(15)).equalTo(0), lit("like"))
        .otherwise(
            element_at(
                expr("array('pet', 'play', 'feed', 'photo')"),
                pmod(col("id"), lit(4)).plus(1).cast("int")));
  }

  /**
   * Replaces the raw table of {@code topic} with {@code events} (the topic's fields and {@code id})
   * plus the lineage columns the ingestion adds: partition 0, the id as offset, the event time as
   * Kafka and ingestion time. {@code properties} become the new table's {@code TBLPROPERTIES}.
   */
  public static void replace(
      SparkSession spark,
      CatalogSettings catalog,
      Topic topic,
      Dataset<Row> events,
      Map<String, String> properties) {
    requireNonNull(events, "events is null");
    String table = topic.rawTable().qualifiedName(catalog);
    spark.sql("DROP TABLE IF EXISTS %s PURGE".formatted(table));
    spark.sql(
        "CREATE TABLE %s (%s) USING iceberg PARTITIONED BY (%s)%s"
            .formatted(
                table,
                RawTables.schema(topic).toDDL(),
                RawTables.partitionTransform(topic),
                tableProperties(properties)));
    Column[] columns =
        Arrays.stream(RawTables.schema(topic).fields())
            .map(StructField::name)
            .map(name -> lineageOrEvent(name, topic))
            .toArray(Column[]::new);
    try {
      events.select(columns).writeTo(table).append();
    } catch (NoSuchTableException e) {
      throw new IllegalStateException(table + " was just created", e);
    }
  }

  private static String tableProperties(Map<String, String> properties) {
    if (properties.isEmpty()) {
      return "";
    }
    return properties.entrySet().stream()
        .map(property -> "'%s' = '%s'".formatted(property.getKey(), property.getValue()))
        .collect(Collectors.joining(", ", " TBLPROPERTIES (", ")"));
  }

  private static Column lineageOrEvent(String name, Topic topic) {
    return switch (name) {
      case RawTables.KAFKA_PARTITION -> lit(0).as(name);
      case RawTables.KAFKA_OFFSET -> col("id").as(name);
      case RawTables.KAFKA_TIMESTAMP, RawTables.INGESTED_AT -> col(topic.eventTimeField()).as(name);
      default -> col(name);
    };
  }
}
