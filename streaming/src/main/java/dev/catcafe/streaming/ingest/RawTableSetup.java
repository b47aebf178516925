package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.spark.RawTables;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.iceberg.TableProperties;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Creates the namespace, the raw tables and {@code ingest_errors} when they are missing, with the
 * table properties streaming appends need. Existing tables are left as they are.
 */
public final class RawTableSetup {
  /**
   * Properties of every table the ingestion writes, and why:
   *
   * <ul>
   *   <li>format v2: row-level deletes and sequence numbers, which compaction relies on to commit
   *       alongside concurrent appends;
   *   <li>Parquet with zstd at level 1 (Iceberg's default is 3): about 15 % larger files for
   *       markedly less CPU on the hot path; 128 MiB target files (what compaction aims for; a
   *       streaming commit writes whatever one micro-batch holds);
   *   <li>distribution mode {@code none} with the fanout writer: no shuffle before each commit (a
   *       batch spans one or two days, so a task keeps at most a few files open); small files are
   *       the maintenance job's business, not the hot path's;
   *   <li>old metadata files deleted on commit, at most 50 kept: a commit every 30 s would
   *       otherwise leave 20,000 metadata files a week;
   *   <li>no manifest merging on append: each streaming commit adds one manifest and leaves the
   *       others alone, so it never races the maintenance job's manifest rewrite (which is then the
   *       only thing that merges manifests);
   *   <li>write-audit-publish on: {@link IdempotentAppend} stages each batch's rows and publishes
   *       them with its marker, which needs it (set here, it costs no commit on the first batch);
   *   <li>more commit retries: the seven queries share {@code ingest_errors}, and maintenance
   *       commits concurrently with ingestion; a conflicting append is retried, never dropped.
   * </ul>
   */
  public static Map<String, String> tableProperties() {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("format-version", "2");
    properties.put("write.format.default", "parquet");
    properties.put("write.parquet.compression-codec", "zstd");
    properties.put("write.parquet.compression-level", "1");
    properties.put("write.target-file-size-bytes", Long.toString(128L * 1024 * 1024));
    properties.put("write.distribution-mode", "none");
    properties.put("write.spark.fanout.enabled", "true");
    properties.put("write.metadata.delete-after-commit.enabled", "true");
    properties.put("write.metadata.previous-versions-max", "50");
    properties.put("commit.manifest-merge.enabled", "false");
    properties.put(TableProperties.WRITE_AUDIT_PUBLISH_ENABLED, "true");
    properties.put("commit.retry.num-retries", "20");
    properties.put("commit.retry.min-wait-ms", "100");
    properties.put("commit.retry.max-wait-ms", "5000");
    return properties;
  }

  private RawTableSetup() {}

  /** Creates the namespace, the raw table of each topic and the error table if missing. */
  public static void ensureTables(
      SparkSession spark, CatalogSettings catalog, Iterable<Topic> topics) {
    requireNonNull(spark, "spark is null");
    requireNonNull(catalog, "catalog is null");
    spark.sql("CREATE NAMESPACE IF NOT EXISTS " + catalog.qualifiedNamespace());
    for (Topic topic : requireNonNull(topics, "topics is null")) {
      spark.sql(
          createTableStatement(
              topic.rawTable().qualifiedName(catalog),
              RawTables.schema(topic),
              RawTables.partitionTransform(topic)));
    }
    spark.sql(
        createTableStatement(
            LakeTable.INGEST_ERRORS.qualifiedName(catalog),
            IngestErrors.schema(),
            IngestErrors.PARTITION_TRANSFORM));
  }

  /** {@code CREATE TABLE IF NOT EXISTS … USING iceberg PARTITIONED BY … TBLPROPERTIES …}. */
  public static String createTableStatement(
      String qualifiedName, StructType schema, String partitionTransform) {
    requireNonNull(qualifiedName, "qualifiedName is null");
    requireNonNull(schema, "schema is null");
    requireNonNull(partitionTransform, "partitionTransform is null");
    String properties =
        tableProperties().entrySet().stream()
            .map(entry -> "'%s' = '%s'".formatted(entry.getKey(), entry.getValue()))
            .collect(Collectors.joining(", "));
    return "CREATE TABLE IF NOT EXISTS %s (%s) USING iceberg PARTITIONED BY (%s) TBLPROPERTIES (%s)"
        .formatted(qualifiedName, schema.toDDL(), partitionTransform, properties);
  }
}
