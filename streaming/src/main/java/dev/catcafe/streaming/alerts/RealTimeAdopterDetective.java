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

/**
 * The Adopter Detective in real-time mode, where Spark 4.1 runs no stateful operator: each task
 * reads its input partition's likes as they arrive and keeps the visitors' state itself, in a
 * {@link VisitorLikesTable} loaded from the previous batch's snapshot when the task starts and
 * saved when the batch ends ({@link VisitorLikesSnapshots}). Exact only when every like of a
 * visitor is in one input partition: the input topic must have a single partition, which the task
 * checks.
 *
 * <p>Input rows: {@code visitor_id, cat_id, event_time}; output rows: {@link
 * AdopterDetectiveProcessor#OUTPUT_SCHEMA}, one per alert, emitted as the like is read.
 */
final class RealTimeAdopterDetective implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  /** The one input partition this mode reads (see the class comment), whose state it keeps. */
  private static final int PARTITION = 0;

  /** The local property Spark's micro-batch execution sets to the running batch's id. */
  static final String BATCH_ID_PROPERTY = "streaming.sql.batchId";

  private final AdopterDetectiveRules rules;
  private final VisitorLikesSnapshots snapshots;
  private final LongAccumulator lateLikes;

  RealTimeAdopterDetective(
      AdopterDetectiveRules rules, VisitorLikesSnapshots snapshots, LongAccumulator lateLikes) {
    this.rules = requireNonNull(rules, "rules is null");
    this.snapshots = requireNonNull(snapshots, "snapshots is null");
    this.lateLikes = requireNonNull(lateLikes, "lateLikes is null");
  }

  @Override
  public Iterator<Row> call(Iterator<Row> likes) {
    requireNonNull(likes, "likes is null");
    TaskContext task = TaskContext.get();
    if (task.partitionId() != PARTITION) {
      throw new IllegalStateException(
          "the Adopter Detective's real-time mode reads cat-interactions from one partition only"
              + " (a visitor's likes must meet in one task); run --mode=microbatch for a topic"
              + " with more partitions");
    }
    String batchProperty = task.getLocalProperty(BATCH_ID_PROPERTY);
    if (batchProperty == null) {
      throw new IllegalStateException(
          "Spark set no " + BATCH_ID_PROPERTY + ": the real-time Detective runs in a stream only");
    }
    long batchId = Long.parseLong(batchProperty);
    return new Alerts(likes, snapshots.loadBefore(PARTITION, batchId, rules), task, batchId);
  }

  /** The alerts of the task's likes, in their order; the state saved once the likes end. */
  private final class Alerts implements Iterator<Row> {
    private final Iterator<Row> likes;
    private final VisitorLikesTable table;
    private final TaskContext task;
    private final long batchId;
    private Row next;
    private boolean saved;

    Alerts(Iterator<Row> likes, VisitorLikesTable table, TaskContext task, long batchId) {
      this.likes = likes;
      this.table = table;
      this.task = task;
      this.batchId = batchId;
    }

    @Override
    public boolean hasNext() {
      while (next == null && likes.hasNext()) {
        Row like = likes.next();
        long likedAt = like.<Timestamp>getAs("event_time").getTime();
        if (table.isLate(likedAt)) {
          lateLikes.add(1);
          continue;
        }
        Optional<Row> alert =
            table
                .like(like.getAs("visitor_id"), like.getAs("cat_id"), likedAt, now())
                .map(AdopterDetectiveProcessor::toRow);
        next = alert.orElse(null);
      }
      if (next == null && !saved && !task.isInterrupted()) {
        // The batch's input ended: its state is what the next batch starts from. An interrupted
        // task (the query stopped) saves nothing, so the batch is run again from the last state.
        table.forgetIdle(now());
        snapshots.save(PARTITION, batchId, table);
        saved = true;
      }
      return next != null;
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
