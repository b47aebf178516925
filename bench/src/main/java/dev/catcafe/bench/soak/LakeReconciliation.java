package dev.catcafe.bench.soak;

import static java.util.Objects.requireNonNull;

import dev.catcafe.bench.soak.KafkaEnds.KafkaEndsException;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.TrinoCatalogs;
import dev.catcafe.spark.RawTables;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * Compares what Kafka holds with what the lake holds, by (partition, offset): for every partition
 * of a topic, the rows of its raw table and its dead letters in {@code ingest_errors} from the
 * partition's first kept offset on must be exactly one per offset up to its end offset: none
 * missing, none twice, none beyond. Read through Trino, as an analyst would see the lake.
 */
public final class LakeReconciliation {
  private final KafkaEnds kafka;
  private final KafkaSettings topics;
  private final Connection trino;
  private final String namespace;

  /**
   * Reconciles the topics named by {@code topics} against the tables in {@code namespace} of
   * Trino's lake catalog.
   */
  public LakeReconciliation(
      KafkaEnds kafka, KafkaSettings topics, Connection trino, String namespace) {
    this.kafka = requireNonNull(kafka, "kafka is null");
    this.topics = requireNonNull(topics, "topics is null");
    this.trino = requireNonNull(trino, "trino is null");
    this.namespace = requireNonNull(namespace, "namespace is null");
  }

  /**
   * One topic's figures.
   *
   * @param topic the topic
   * @param produced records Kafka holds (end minus first kept offset, summed over partitions)
   * @param rows rows in the lake at those offsets (raw table plus dead letters)
   * @param distinct distinct (partition, offset) among them
   * @param beyond rows at offsets Kafka has not given out: there should never be any
   */
  public record TopicCount(Topic topic, long produced, long rows, long distinct, long beyond) {
    public TopicCount {
      requireNonNull(topic, "topic is null");
    }

    /** Every record exactly once. */
    public boolean exact() {
      return rows == produced && distinct == produced && beyond == 0;
    }
  }

  /** The figures of each of {@code topicsToCheck}. */
  public List<TopicCount> count(List<Topic> topicsToCheck) throws KafkaEndsException, SQLException {
    List<TopicCount> counts = new ArrayList<>();
    for (Topic topic : topicsToCheck) {
      counts.add(count(topic));
    }
    return counts;
  }

  private TopicCount count(Topic topic) throws KafkaEndsException, SQLException {
    String topicName = topics.topicName(topic);
    List<TopicPartition> partitions = kafka.partitions(List.of(topicName));
    Map<TopicPartition, Long> earliest = kafka.earliest(partitions);
    Map<TopicPartition, Long> latest = kafka.latest(partitions);
    long produced = 0;
    Map<Integer, long[]> lake = new HashMap<>();
    for (TopicPartition partition : partitions) {
      produced += latest.get(partition) - earliest.get(partition);
      lake.put(partition.partition(), new long[3]);
    }
    String sql =
        """
        SELECT %1$s, %2$s >= ? AS beyond, count(*) AS row_count, count(DISTINCT %2$s) AS offsets
        FROM (
          SELECT %1$s, %2$s FROM %3$s
          UNION ALL
          SELECT %1$s, %2$s FROM %4$s WHERE topic = ?)
        WHERE %2$s >= ? AND %1$s = ?
        GROUP BY 1, 2"""
            .formatted(
                RawTables.KAFKA_PARTITION,
                RawTables.KAFKA_OFFSET,
                table(topic.rawTable()),
                table(LakeTable.INGEST_ERRORS));
    for (TopicPartition partition : partitions) {
      try (PreparedStatement statement = trino.prepareStatement(sql)) {
        statement.setLong(1, latest.get(partition));
        statement.setString(2, topicName);
        statement.setLong(3, earliest.get(partition));
        statement.setInt(4, partition.partition());
        try (ResultSet result = statement.executeQuery()) {
          long[] figures = lake.get(partition.partition());
          while (result.next()) {
            if (result.getBoolean("beyond")) {
              figures[2] += result.getLong("row_count");
            } else {
              figures[0] += result.getLong("row_count");
              figures[1] += result.getLong("offsets");
            }
          }
        }
      }
    }
    return new TopicCount(
        topic,
        produced,
        lake.values().stream().mapToLong(f -> f[0]).sum(),
        lake.values().stream().mapToLong(f -> f[1]).sum(),
        lake.values().stream().mapToLong(f -> f[2]).sum());
  }

  private String table(LakeTable table) {
    return String.join(".", TrinoCatalogs.LAKE, namespace, table.tableName());
  }

  /** The counts as a table, one line per topic, for the soak's output. */
  public static String format(List<TopicCount> counts) {
    return counts.stream()
        .map(
            c ->
                "  %-18s produced %,12d   lake %,12d   distinct %,12d   beyond %,d   %s"
                    .formatted(
                        c.topic().topicName(),
                        c.produced(),
                        c.rows(),
                        c.distinct(),
                        c.beyond(),
                        c.exact() ? "exactly once" : "MISMATCH"))
        .collect(Collectors.joining(System.lineSeparator()));
  }
}
