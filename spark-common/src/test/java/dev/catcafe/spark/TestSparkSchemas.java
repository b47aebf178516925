package dev.catcafe.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.Topic;
import dev.catcafe.spark.testing.BaseSparkTest;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

final class TestSparkSchemas extends BaseSparkTest {
  @Test
  void tableSchemasFollowTheModel() {
    StructType orders = SparkSchemas.tableSchema(Topic.CAFE_ORDERS.schema());
    assertThat(orders.fieldNames())
        .containsExactly("event_time", "order_id", "visitor_id", "items", "total_amount");
    assertThat(orders.apply("event_time").dataType()).isEqualTo(DataTypes.TimestampType);
    assertThat(orders.apply("total_amount").dataType())
        .isEqualTo(DataTypes.createDecimalType(10, 2));
  }

  @Test
  void parsesOrderItemsAsObjectsFromJson() {
    Dataset<String> json =
        spark.createDataset(
            List.of(
                "{\"event_time\":\"2025-10-07T19:24:56.123Z\",\"order_id\":\"o1\","
                    + "\"visitor_id\":\"v1\",\"items\":[{\"name\":\"latte\",\"quantity\":2}],"
                    + "\"total_amount\":12.34}"),
            Encoders.STRING());
    Row row =
        json.select(
                functions
                    .from_json(
                        functions.col("value"),
                        SparkSchemas.tableSchema(Topic.CAFE_ORDERS.schema()),
                        java.util.Map.of("timestampFormat", dev.catcafe.model.EventTimes.PATTERN))
                    .as("e"))
            .select("e.*")
            .first();
    Row item = row.<Row>getList(row.fieldIndex("items")).get(0);
    assertThat(item.<String>getAs("name")).isEqualTo("latte");
    assertThat(item.<Integer>getAs("quantity")).isEqualTo(2);
    assertThat(row.getDecimal(row.fieldIndex("total_amount"))).isEqualByComparingTo("12.34");
    assertThat(row.getTimestamp(row.fieldIndex("event_time")).toInstant())
        .isEqualTo(java.time.Instant.parse("2025-10-07T19:24:56.123Z"));
  }

  @Test
  void writesAndReadsRealRowsThroughIceberg() {
    spark.sql("CREATE TABLE " + CATALOG + ".t.probe (id BIGINT, name STRING) USING iceberg");
    spark.sql("INSERT INTO " + CATALOG + ".t.probe VALUES (1, 'Luna'), (2, 'Milo')");
    List<Row> rows =
        spark.sql("SELECT name FROM " + CATALOG + ".t.probe ORDER BY id").collectAsList();
    assertThat(rows).extracting(r -> r.getString(0)).containsExactly("Luna", "Milo");
  }
}
