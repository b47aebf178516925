package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import java.sql.Timestamp;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Adopter Detective in real-time mode, where Spark 4.1 runs no stateful operator: each task
 * reads one input partition's likes as they arrive and keeps that partition's visitors' state
 * itself, in a {@link VisitorLikesTable} loaded from the previous batch's snapshot with the
 * partition's first like and saved when the batch ends ({@link VisitorLikesSnapshots}). Exact for
 * any number of partitions as long as every like of a visitor is in one partition: {@code
 * cat-interactions} is keyed by {@code visitor_id} for that. A like keyed otherwise (another
 * producer) is still applied, counted ({@value #OFF_KEY_LIKES}) and logged: on a topic of more than
 * one partition its visitor's other likes may be counted in another task.
 *
 * <p>Input rows: {@code visitor_id, cat_id, event_time, partition, record_key} ({@link
 * AdopterDetectiveTransform#partitionedLikes}); output rows: {@link
 * AdopterDetectiveProcessor#OUTPUT_SCHEMA}, one per alert, emitted as the like is read.
 */
final class RealTimeAdopterDetective implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 2L;

  /** The local property Spark's micro-batch execution sets to the running batch's id. */
  static final String BATCH_ID_PROPERTY = "streaming.sql.batchId";

  /** The accumulator of likes whose Kafka key is not their visitor. */
  static final String OFF_KEY_LIKES = AdopterDetectiveTransform.METRICS + ".off_key_likes";

  private static final Logger LOG = LoggerFactory.getLogger(RealTimeAdopterDetective.class);

  private final AdopterDetectiveRules rules;
  private final VisitorLikesSnapshots snapshots;
  private final LongAccumulator lateLikes;
  private final LongAccumulator offKeyLikes;

  RealTimeAdopterDetective(
      AdopterDetectiveRules rules,
      VisitorLikesSnapshots snapshots,
      LongAccumulator lateLikes,
      LongAccumulator offKeyLikes) {
    this.rules = requireNonNull(rules, "rules is null");
    this.snapshots = requireNonNull(snapshots, "snapshots is null");
    this.lateLikes = requireNonNull(lateLikes, "lateLikes is null");
    this.offKeyLikes = requireNonNull(offKeyLikes, "offKeyLikes is null");
  }

  @Override
  public Iterator<Row> call(Iterator<Row> likes) {
    requireNonNull(likes, "likes is null");
    TaskContext task = TaskContext.get();
    String batchProperty = task.getLocalProperty(BATCH_ID_PROPERTY);
    if (batchProperty == null) {
      throw new IllegalStateException(
          "Spark set no " + BATCH_ID_PROPERTY + ": the real-time Detective runs in a stream only");
    }
    return new Alerts(likes, task, Long.parseLong(batchProperty));
  }

  /**
   * The alerts of the task's likes, in their order. The state is the Kafka partition's, named by
   * the likes themselves (Spark's task numbers need not follow the partitions'): loaded with the
   * first like and saved once the likes end. A batch in which the partition had no like leaves its
   * state as the last snapshot has it.
   */
  private final class Alerts implements Iterator<Row> {
    private final Iterator<Row> likes;
    private final TaskContext task;
    private final long batchId;
    private VisitorLikesTable table;
    private int partition;
    private long offKey;
    private Row next;
    private boolean saved;

    Alerts(Iterator<Row> likes, TaskContext task, long batchId) {
      this.likes = likes;
      this.task = task;
      this.batchId = batchId;
    }

    @Override
    public boolean hasNext() {
      while (next == null && likes.hasNext()) {
        Row like = likes.next();
        String visitorId = like.getAs("visitor_id");
        stateOf(like.<Integer>getAs("partition"));
        if (!visitorId.equals(like.getAs("record_key"))) {
          offKey++;
          offKeyLikes.add(1);
        }
        long likedAt = like.<Timestamp>getAs("event_time").getTime();
        if (table.isLate(likedAt)) {
          lateLikes.add(1);
          continue;
        }
        Optional<Row> alert =
            table
                .like(visitorId, like.getAs("cat_id"), likedAt, now())
                .map(AdopterDetectiveProcessor::toRow);
        next = alert.orElse(null);
      }
      if (next == null && table != null && !saved && !task.isInterrupted()) {
        // The batch's input ended: its state is what the next batch starts from. An interrupted
        // task (the query stopped) saves nothing, so the batch is run again from the last state.
        table.forgetIdle(now());
        snapshots.save(partition, batchId, table);
        saved = true;
        if (offKey > 0) {
          LOG.warn(
              "{} likes of partition {} in batch {} were not keyed by their visitor_id: on a"
                  + " topic of more than one partition their visitors' likes may be split",
              offKey,
              partition,
              batchId);
        }
      }
      return next != null;
    }

    /** Loads the state of {@code likePartition} with its first like; one partition per task. */
    private void stateOf(int likePartition) {
      if (table == null) {
        partition = likePartition;
        table = snapshots.loadBefore(partition, batchId, rules);
      } else if (likePartition != partition) {
        throw new IllegalStateException(
            "a real-time Detective task read partitions %d and %d: each keeps one partition's state"
                .formatted(partition, likePartition));
      }
    }

    @Override
    public Row next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Row alert = next;
      next = null;
      return alert;
    }
  }

  private static long now() {
    return System.currentTimeMillis();
  }
}
