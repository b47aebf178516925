package dev.catcafe.batch.summary;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The raw tables' snapshots the summary has processed, kept in {@code daily_cat_summary}'s table
 * properties: the next run catches up the days changed after them. A table that was empty is
 * recorded as {@value #EMPTY}.
 *
 * @param snapshots per source topic, the raw table's snapshot id processed (null: it was empty)
 */
record SummaryProgress(Map<Topic, Long> snapshots) {
  static final String PROPERTY_PREFIX = "catcafe.daily-cat-summary.processed-snapshot.";
  static final String EMPTY = "none";

  /** The raw tables the summary is built from. */
  static final List<Topic> SOURCES = List.of(Topic.CAT_WELLNESS, Topic.CAT_INTERACTIONS);

  SummaryProgress {
    requireNonNull(snapshots, "snapshots is null");
    if (!snapshots.keySet().containsAll(SOURCES)) {
      throw new IllegalArgumentException("progress must name every source: " + snapshots.keySet());
    }
    snapshots = Collections.unmodifiableMap(new EnumMap<>(snapshots));
  }

  Long snapshot(Topic topic) {
    return snapshots.get(requireNonNull(topic, "topic is null"));
  }

  /** The table properties that record this progress. */
  Map<String, String> toProperties() {
    Map<String, String> properties = new HashMap<>();
    snapshots.forEach(
        (topic, id) -> properties.put(key(topic), id == null ? EMPTY : Long.toString(id)));
    return properties;
  }

  /** The progress recorded in {@code properties}, or empty when a source has none. */
  static Optional<SummaryProgress> fromProperties(Map<String, String> properties) {
    requireNonNull(properties, "properties is null");
    Map<Topic, Long> snapshots = new EnumMap<>(Topic.class);
    for (Topic topic : SOURCES) {
      String value = properties.get(key(topic));
      if (value == null) {
        return Optional.empty();
      }
      try {
        snapshots.put(topic, value.equals(EMPTY) ? null : Long.parseLong(value));
      } catch (NumberFormatException unreadable) {
        throw new IllegalStateException(
            "table property %s is not a snapshot id: %s".formatted(key(topic), value), unreadable);
      }
    }
    return Optional.of(new SummaryProgress(snapshots));
  }

  private static String key(Topic topic) {
    return PROPERTY_PREFIX + topic.rawTable().tableName();
  }
}
