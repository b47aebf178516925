package dev.catcafe.batch.quality;

import static java.util.Objects.requireNonNull;
import static java.util.stream.Collectors.joining;

import dev.catcafe.batch.summary.DailyCatSummaryJob;
import dev.catcafe.batch.summary.DailyCatSummaryTransform;
import dev.catcafe.batch.summary.DaySelection;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.spark.JobGroups;
import dev.catcafe.spark.RawTables;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Evaluates {@link QualityCheck}s with Spark over the lake's Iceberg tables: one aggregate query
 * per check. A check whose table is missing or empty, or whose query fails, fails with the reason
 * (a run never stops half-way: every check is reported).
 */
public final class QualityEngine {
  /** The Spark UI's job group of the checks' queries. */
  public static final String JOB_GROUP = "data-quality";

  /** The dead letters' column naming the topic a record was read from (with any prefix). */
  static final String DEAD_LETTER_TOPIC = "topic";

  private static final int EXAMPLES = 5;

  private final SparkSession spark;
  private final CatalogSettings catalog;

  public QualityEngine(SparkSession spark, CatalogSettings catalog) {
    this.spark = requireNonNull(spark, "spark is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
  }

  /** Runs every check of {@code checks} over {@code window}. */
  public QualityReport run(List<QualityCheck> checks, QualityWindow window) {
    requireNonNull(checks, "checks is null");
    requireNonNull(window, "window is null");
    long started = System.nanoTime();
    List<CheckResult> results = new ArrayList<>();
    for (QualityCheck check : checks) {
      results.add(
          JobGroups.run(
              spark, JOB_GROUP, "data-quality " + check.id(), () -> evaluate(check, window)));
    }
    return new QualityReport(
        UUID.randomUUID().toString(),
        window.now(),
        results,
        Duration.ofNanos(System.nanoTime() - started));
  }

  /** One check's result; a failing query makes a failed result naming its error. */
  CheckResult evaluate(QualityCheck check, QualityWindow window) {
    String table = check.table().qualifiedName(catalog);
    if (!spark.catalog().tableExists(table)) {
      return CheckResult.unmeasurable(check, "table " + table + " does not exist");
    }
    try {
      return evaluate(check, check.rule(), window);
    } catch (RuntimeException e) {
      return CheckResult.unmeasurable(check, "query failed: " + e.getMessage());
    }
  }

  // Java 17: no pattern switch over the sealed rules, so one instanceof per kind.
  private CheckResult evaluate(QualityCheck check, QualityRule rule, QualityWindow window) {
    if (rule instanceof QualityRule.NotNull notNull) {
      return notNull(check, notNull, window);
    }
    if (rule instanceof QualityRule.InRange range) {
      return inRange(check, range, window);
    }
    if (rule instanceof QualityRule.KnownProfile known) {
      return knownProfile(check, known, window);
    }
    if (rule instanceof QualityRule.Fresh fresh) {
      return fresh(check, fresh, window);
    }
    if (rule instanceof QualityRule.OffsetsWithoutGaps gaps) {
      return offsets(check, gaps.topic(), true);
    }
    if (rule instanceof QualityRule.OffsetsUnique unique) {
      return offsets(check, unique.topic(), false);
    }
    if (rule instanceof QualityRule.SummaryMatchesRaw) {
      return summaryMatchesRaw(check, window);
    }
    throw new IllegalArgumentException("no evaluation for " + rule);
  }

  private CheckResult notNull(QualityCheck check, QualityRule.NotNull rule, QualityWindow window) {
    String anyNull =
        rule.columns().stream().map(column -> column + " IS NULL").collect(joining(" OR "));
    return CheckResult.zero(check, count(check.table(), window, anyNull), "");
  }

  private CheckResult inRange(QualityCheck check, QualityRule.InRange rule, QualityWindow window) {
    String outside = "%s < %s".formatted(rule.column(), rule.min());
    if (rule.max() != Double.POSITIVE_INFINITY) {
      outside += " OR %s > %s".formatted(rule.column(), rule.max());
    }
    long rows = count(check.table(), window, outside);
    return zeroWithExamples(
        check,
        rows,
        "SELECT DISTINCT %s FROM %s WHERE %s AND (%s) LIMIT %d"
            .formatted(
                rule.column(),
                name(check.table()),
                inWindow(check.table(), window),
                outside,
                EXAMPLES));
  }

  private CheckResult knownProfile(
      QualityCheck check, QualityRule.KnownProfile rule, QualityWindow window) {
    String profiles = name(rule.profiles());
    if (!spark.catalog().tableExists(profiles)) {
      return CheckResult.unmeasurable(check, "profile snapshot " + profiles + " does not exist");
    }
    List<Row> snapshot =
        spark.sql("SELECT max(committed_at) FROM %s.snapshots".formatted(profiles)).collectAsList();
    if (snapshot.isEmpty() || snapshot.get(0).isNullAt(0)) {
      return CheckResult.unmeasurable(check, "profile snapshot " + profiles + " has no snapshot");
    }
    Timestamp snapshotTime = snapshot.get(0).getTimestamp(0);
    String unknown =
        """
        FROM %1$s r LEFT ANTI JOIN %2$s p ON r.%3$s = p.%3$s
        WHERE %4$s AND r.%5$s < TIMESTAMP '%6$s' AND r.%3$s IS NOT NULL"""
            .formatted(
                name(check.table()),
                profiles,
                rule.column(),
                inWindow(check.table(), window, "r."),
                eventTime(check.table()),
                snapshotTime.toInstant());
    long rows = spark.sql("SELECT count(*) " + unknown).first().getLong(0);
    return zeroWithExamples(
        check,
        rows,
        "SELECT DISTINCT r.%s %s LIMIT %d".formatted(rule.column(), unknown, EXAMPLES));
  }

  private CheckResult fresh(QualityCheck check, QualityRule.Fresh rule, QualityWindow window) {
    Row newest =
        spark
            .sql("SELECT max(%s) FROM %s".formatted(RawTables.INGESTED_AT, name(check.table())))
            .first();
    Instant since;
    String detail;
    if (newest.isNullAt(0)) {
      // An empty table is as stale as its age: a platform that just started (no health alert
      // yet) passes, a table that never received a row in maxAge fails.
      Row created =
          spark
              .sql(
                  "SELECT min(timestamp) FROM %s.metadata_log_entries"
                      .formatted(name(check.table())))
              .first();
      if (created.isNullAt(0)) {
        return CheckResult.unmeasurable(check, "the table has no rows and no history");
      }
      since = created.getTimestamp(0).toInstant();
      detail = "no rows since the table was created at " + since;
    } else {
      since = newest.getTimestamp(0).toInstant();
      detail = "newest row ingested at " + since;
    }
    long ageSeconds = Duration.between(since, window.now()).toSeconds();
    return new CheckResult(
        check, OptionalDouble.of(ageSeconds), ageSeconds <= rule.maxAge().toSeconds(), detail);
  }

  /**
   * Per Kafka partition of the topic, the raw table's offsets and its dead letters': the gaps
   * between the first and the last ({@code gaps}), or the rows beyond one per offset.
   */
  private CheckResult offsets(QualityCheck check, Topic topic, boolean gaps) {
    String raw =
        "SELECT %s AS p, %s AS o FROM %s"
            .formatted(RawTables.KAFKA_PARTITION, RawTables.KAFKA_OFFSET, name(check.table()));
    String deadLetters = name(LakeTable.INGEST_ERRORS);
    String records =
        spark.catalog().tableExists(deadLetters)
            ? raw
                + " UNION ALL SELECT %s, %s FROM %s WHERE endswith(%s, '%s')"
                    .formatted(
                        RawTables.KAFKA_PARTITION,
                        RawTables.KAFKA_OFFSET,
                        deadLetters,
                        DEAD_LETTER_TOPIC,
                        topic.topicName())
            : raw;
    String perPartition =
        """
        SELECT p, max(o) - min(o) + 1 - count(DISTINCT o) AS missing,
               count(*) - count(DISTINCT o) AS duplicated
        FROM (%s) GROUP BY p"""
            .formatted(records);
    String column = gaps ? "missing" : "duplicated";
    List<Row> partitions =
        spark
            .sql("SELECT p, %1$s FROM (%2$s) WHERE %1$s > 0".formatted(column, perPartition))
            .collectAsList();
    long total = partitions.stream().mapToLong(row -> row.getLong(1)).sum();
    String detail =
        partitions.stream()
            .map(row -> "partition %d: %d".formatted(row.getInt(0), row.getLong(1)))
            .collect(joining(", "));
    return CheckResult.zero(check, total, detail);
  }

  /**
   * The summary's rows of the window's days against their recomputation: keys missing on either
   * side, or counts differing, or averages/maxima differing by more than rounding.
   */
  private CheckResult summaryMatchesRaw(QualityCheck check, QualityWindow window) {
    Dataset<Row> expected =
        DailyCatSummaryJob.recompute(
            spark, catalog, new DaySelection.DayRange(window.firstDay(), window.lastDay()));
    expected.createOrReplaceTempView("data_quality_expected_summary");
    String day = DailyCatSummaryTransform.DAY;
    String differing =
        """
        FROM (SELECT * FROM %1$s WHERE %2$s BETWEEN DATE '%3$s' AND DATE '%4$s') a
        FULL OUTER JOIN data_quality_expected_summary e
          ON a.%2$s = e.%2$s AND a.cat_id = e.cat_id
        WHERE a.cat_id IS NULL OR e.cat_id IS NULL
           OR a.total_interaction_count <> e.total_interaction_count
           OR a.like_count <> e.like_count
           OR abs(a.avg_activity_level - e.avg_activity_level) > 1e-9
           OR abs(a.max_hours_since_drink - e.max_hours_since_drink) > 1e-9"""
            .formatted(name(LakeTable.DAILY_CAT_SUMMARY), day, window.firstDay(), window.lastDay());
    try {
      long rows = spark.sql("SELECT count(*) " + differing).first().getLong(0);
      return zeroWithExamples(
          check,
          rows,
          "SELECT concat(coalesce(a.%1$s, e.%1$s), ' ', coalesce(a.cat_id, e.cat_id))"
                  .formatted(day)
              + " %s LIMIT %d".formatted(differing, EXAMPLES));
    } finally {
      spark.catalog().dropTempView("data_quality_expected_summary");
    }
  }

  private long count(LakeTable table, QualityWindow window, String condition) {
    return spark
        .sql(
            "SELECT count(*) FROM %s WHERE %s AND (%s)"
                .formatted(name(table), inWindow(table, window), condition))
        .first()
        .getLong(0);
  }

  /**
   * {@link CheckResult#zero} of {@code rows}, its detail the first values {@code examplesSql}
   * selects when there are offending rows (the query only runs then).
   */
  private CheckResult zeroWithExamples(QualityCheck check, long rows, String examplesSql) {
    return CheckResult.zero(check, rows, rows == 0 ? "" : "e.g. " + examples(examplesSql));
  }

  private String examples(String sql) {
    return spark.sql(sql).collectAsList().stream()
        .map(row -> String.valueOf(row.get(0)))
        .collect(joining(", "));
  }

  private String name(LakeTable table) {
    return table.qualifiedName(catalog);
  }

  private static String inWindow(LakeTable table, QualityWindow window) {
    return inWindow(table, window, "");
  }

  /** The rows of the window: by event time for a raw table, by day for the summary. */
  private static String inWindow(LakeTable table, QualityWindow window, String alias) {
    if (table == LakeTable.DAILY_CAT_SUMMARY) {
      return "%s%s BETWEEN DATE '%s' AND DATE '%s'"
          .formatted(alias, DailyCatSummaryTransform.DAY, window.firstDay(), window.lastDay());
    }
    return "%1$s%2$s >= TIMESTAMP '%3$s' AND %1$s%2$s < TIMESTAMP '%4$s'"
        .formatted(alias, eventTime(table), window.start(), window.end());
  }

  private static String eventTime(LakeTable table) {
    Optional<Topic> topic =
        Arrays.stream(Topic.values())
            .filter(candidate -> candidate.rawTable() == table)
            .findFirst();
    return topic
        .orElseThrow(() -> new IllegalArgumentException(table + " is not a raw table"))
        .eventTimeField();
  }
}
