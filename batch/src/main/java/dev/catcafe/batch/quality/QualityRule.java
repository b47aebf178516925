package dev.catcafe.batch.quality;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.Topic;
import dev.catcafe.model.cli.Durations;
import java.time.Duration;
import java.util.List;

/**
 * What a data-quality check asserts about one lake table, as data: {@link QualityEngine} evaluates
 * each kind with Spark. Rules that read rows read the checked window's ({@link QualityWindow});
 * freshness and the Kafka offsets look at the whole table.
 */
public sealed interface QualityRule {
  /** What a passing observation looks like, for the results table and the log. */
  String expectation();

  /** No row has a null in any of {@code columns}. Observed: rows with a null. */
  record NotNull(List<String> columns) implements QualityRule {
    public NotNull {
      columns = List.copyOf(requireNonNull(columns, "columns is null"));
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("a not-null rule needs a column");
      }
    }

    @Override
    public String expectation() {
      return "0 rows with a null " + String.join(" or ", columns);
    }
  }

  /**
   * {@code column} lies in {@code [min, max]} (null values are the not-null rules' business).
   * Observed: rows outside.
   */
  record InRange(String column, double min, double max) implements QualityRule {
    public InRange {
      requireNonNull(column, "column is null");
      if (!(min <= max)) {
        throw new IllegalArgumentException("empty range [%s, %s]".formatted(min, max));
      }
    }

    /** {@code column >= min}. */
    public static InRange atLeast(String column, double min) {
      return new InRange(column, min, Double.POSITIVE_INFINITY);
    }

    @Override
    public String expectation() {
      return max == Double.POSITIVE_INFINITY
          ? "0 rows with %s < %s".formatted(column, min)
          : "0 rows with %s outside [%s, %s]".formatted(column, min, max);
    }
  }

  /**
   * Every {@code column} value names a row of the profile snapshot {@code profiles} (its column of
   * the same name). Only rows whose event time is before the snapshot's commit are checked: a cat
   * or visitor created after the last snapshot is not unknown, only not snapshotted yet. Observed:
   * rows naming an unknown id.
   */
  record KnownProfile(String column, LakeTable profiles) implements QualityRule {
    public KnownProfile {
      requireNonNull(column, "column is null");
      requireNonNull(profiles, "profiles is null");
    }

    @Override
    public String expectation() {
      return "0 rows with a %s missing from %s".formatted(column, profiles.tableName());
    }
  }

  /**
   * The table's newest row was ingested within {@code maxAge} (an empty table: it was created
   * within {@code maxAge}). Observed: that age in seconds.
   */
  record Fresh(Duration maxAge) implements QualityRule {
    public Fresh {
      Durations.requirePositive(maxAge, "maxAge");
    }

    @Override
    public String expectation() {
      return "newest row ingested at most %d s ago".formatted(maxAge.toSeconds());
    }
  }

  /**
   * Each Kafka partition's offsets in the raw table and the dead letters of its topic ({@code
   * ingest_errors}) cover the range from the first to the last without a gap: no record between two
   * ingested ones was lost. Observed: offsets missing.
   */
  record OffsetsWithoutGaps(Topic topic) implements QualityRule {
    public OffsetsWithoutGaps {
      requireNonNull(topic, "topic is null");
    }

    @Override
    public String expectation() {
      return "0 offsets of %s missing between first and last".formatted(topic.topicName());
    }
  }

  /** No Kafka record is in the raw table twice. Observed: rows beyond the first per offset. */
  record OffsetsUnique(Topic topic) implements QualityRule {
    public OffsetsUnique {
      requireNonNull(topic, "topic is null");
    }

    @Override
    public String expectation() {
      return "0 offsets of %s ingested twice".formatted(topic.topicName());
    }
  }

  /**
   * {@code daily_cat_summary}'s rows of the window's days equal a recomputation from the raw tables
   * at the snapshots its last run recorded (names aside: they follow the profiles). Observed: rows
   * missing, extra or different.
   */
  record SummaryMatchesRaw() implements QualityRule {
    @Override
    public String expectation() {
      return "0 rows differing from a recomputation from the raw tables";
    }
  }
}
