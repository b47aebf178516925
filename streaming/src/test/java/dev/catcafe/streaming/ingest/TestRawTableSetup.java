package dev.catcafe.streaming.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.spark.RawTables;
import dev.catcafe.spark.testing.BaseSparkTest;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;

final class TestRawTableSetup extends BaseSparkTest {
  @Test
  void createsEveryRawTableAndTheErrorTableWithLayoutAndProperties() throws Exception {
    CatalogSettings catalog = catalog("setup_all");

    RawTableSetup.ensureTables(spark, catalog, EnumSet.allOf(Topic.class));
    RawTableSetup.ensureTables(spark, catalog, EnumSet.allOf(Topic.class));

    for (Topic topic : Topic.values()) {
      Table table = Spark3Util.loadIcebergTable(spark, topic.rawTable().qualifiedName(catalog));
      assertThat(spark.table(topic.rawTable().qualifiedName(catalog)).schema().fieldNames())
          .containsExactly(RawTables.schema(topic).fieldNames());
      PartitionField partition = table.spec().fields().get(0);
      assertThat(table.spec().fields()).hasSize(1);
      assertThat(partition.transform().toString()).isEqualTo("day");
      assertThat(table.schema().findColumnName(partition.sourceId()))
          .isEqualTo(topic.eventTimeField());
      Map<String, String> expected = new HashMap<>(RawTableSetup.tableProperties());
      // format-version is not a stored property but the format of the table's metadata.
      assertThat(expected.remove("format-version")).isEqualTo("2");
      assertThat(((HasTableOperations) table).operations().current().formatVersion()).isEqualTo(2);
      assertThat(table.properties())
          .containsAllEntriesOf(expected)
          .containsEntry("write.distribution-mode", "none");
      assertThat(table.schema().findField(RawTables.KAFKA_OFFSET).isRequired()).isTrue();
    }
    Table orders =
        Spark3Util.loadIcebergTable(spark, Topic.CAFE_ORDERS.rawTable().qualifiedName(catalog));
    assertThat(orders.schema().findType("total_amount")).isEqualTo(Types.DecimalType.of(10, 2));
    assertThat(orders.schema().findType("event_time")).isEqualTo(Types.TimestampType.withZone());

    Table errors =
        Spark3Util.loadIcebergTable(spark, LakeTable.INGEST_ERRORS.qualifiedName(catalog));
    assertThat(spark.table(LakeTable.INGEST_ERRORS.qualifiedName(catalog)).schema().fieldNames())
        .containsExactly(IngestErrors.schema().fieldNames());
    assertThat(errors.spec().fields()).hasSize(1);
  }
}
