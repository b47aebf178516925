package dev.catcafe.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.catcafe.model.OperationalSchema;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.model.config.TrinoUser;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.TestingKafka;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.LakeAssertions;
import dev.catcafe.spark.testing.TestingCatalogs;
import dev.catcafe.spark.testing.TestingCatalogs.Lake;
import dev.catcafe.spark.testing.TestingSessions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The foundation end to end on the real platform, over every catalog type and both storages ({@link
 * TestingCatalogs#lakes}): Spark writes an Iceberg table, reads real rows back, and (JDBC: the
 * catalog Trino shares) Trino reads the same table and joins it with PostgreSQL; on the object
 * store the table's metadata and data files are objects in the bucket, listed through the S3 API,
 * and nothing of it is in the local warehouse. Every one of the seven topics carries a message.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.catcafe.spark.testing.TestingCatalogs#lakes")
@ExtendWith(LocalPlatformExtension.class)
final class LakehouseFoundationIT {
  private static final String NAMESPACE = "it_foundation";
  private static SparkSession spark;
  private static CatalogSettings catalog;

  @Parameter Lake lake;

  @BeforeParameterizedClassInvocation
  static void startSpark(Lake lake) {
    catalog = TestingCatalogs.onPlatform(lake, TestingPlatform.shared(), NAMESPACE);
    spark = TestingSessions.create("foundation-it", catalog);
  }

  @AfterParameterizedClassInvocation
  static void stopSpark() {
    TestingSessions.stopIfStarted(spark);
  }

  @Test
  void sparkWritesIcebergAndTrinoReadsItAndJoinsPostgres(TestingPlatform platform)
      throws Exception {
    String table = catalog.qualifiedNamespace() + ".cat_likes";
    spark.sql("DROP TABLE IF EXISTS " + table);
    spark.sql("CREATE TABLE " + table + " (cat_id STRING, likes BIGINT) USING iceberg");
    String luna = "cat-" + UUID.randomUUID();
    String milo = "cat-" + UUID.randomUUID();
    spark.sql("INSERT INTO %s VALUES ('%s', 3), ('%s', 5)".formatted(table, luna, milo));

    // Real rows, not a count answered from metadata: this reads Parquet through Iceberg.
    List<Row> rows =
        spark.sql("SELECT cat_id, likes FROM " + table + " ORDER BY likes").collectAsList();
    assertThat(rows).extracting(row -> row.getString(0)).containsExactly(luna, milo);
    assertThat(rows).extracting(row -> row.getLong(1)).containsExactly(3L, 5L);
    LakeAssertions.assertFilesWhereTheStorageSays(spark, platform, catalog, table);
    // Trino reads the lake through the JDBC catalog only.
    assumeThat(lake.type()).isEqualTo(CatalogType.JDBC);

    PostgresSettings cafe = platform.postgres();
    try (Connection postgres =
            DriverManager.getConnection(cafe.jdbcUrl(), cafe.user(), cafe.password());
        Statement statement = postgres.createStatement()) {
      statement.execute(OperationalSchema.CATS_DDL);
      try (PreparedStatement insert =
          postgres.prepareStatement(
              "INSERT INTO cats (cat_id, name, archetype, status, admitted_date)"
                  + " VALUES (?, ?, 'shy', 'available', now())")) {
        insert.setString(1, luna);
        insert.setString(2, "Luna");
        insert.executeUpdate();
        insert.setString(1, milo);
        insert.setString(2, "Milo");
        insert.executeUpdate();
      }
    }

    try (Connection trino = platform.trino(TrinoUser.ANALYST).connect();
        Statement statement = trino.createStatement()) {
      List<String> schemas = new ArrayList<>();
      try (ResultSet result = statement.executeQuery("SHOW SCHEMAS FROM iceberg")) {
        while (result.next()) {
          schemas.add(result.getString(1));
        }
      }
      assertThat(schemas).contains(catalog.namespace());

      Map<String, Long> likesByName = new HashMap<>();
      try (ResultSet result =
          statement.executeQuery(
              "SELECT c.name, l.likes FROM iceberg.%s.cat_likes l".formatted(catalog.namespace())
                  + " JOIN postgresql.public.cats c ON c.cat_id = l.cat_id")) {
        while (result.next()) {
          likesByName.put(result.getString(1), result.getLong(2));
        }
      }
      assertThat(likesByName).containsExactlyInAnyOrderEntriesOf(Map.of("Luna", 3L, "Milo", 5L));
    }
  }

  @Test
  void everyTopicCarriesAMessage(TestingPlatform platform) {
    KafkaSettings kafka = platform.isolatedKafka("it-foundation-" + UUID.randomUUID() + "-");
    Map<String, String> sent = new HashMap<>();
    for (Topic topic : Topic.values()) {
      String value = "{\"probe\":\"" + topic.topicName() + "\"}";
      sent.put(kafka.topicName(topic), value);
      TestingKafka.produce(kafka, topic, List.of(value));
    }

    Properties consumerProperties = new Properties();
    consumerProperties.putAll(kafka.clientProperties());
    consumerProperties.put(ConsumerConfig.GROUP_ID_CONFIG, "it-foundation-" + UUID.randomUUID());
    consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    Map<String, String> received = new HashMap<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            consumerProperties, new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(sent.keySet());
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (received.size() < sent.size() && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          received.put(record.topic(), record.value());
        }
      }
    }
    assertThat(received).containsExactlyInAnyOrderEntriesOf(sent);
  }
}
