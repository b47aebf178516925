package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.event.PotentialAdopterAlert;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.streaming.MapState;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StatefulProcessor;
import org.apache.spark.sql.streaming.TTLConfig;
import org.apache.spark.sql.streaming.TimeMode;
import org.apache.spark.sql.streaming.TimerValues;
import org.apache.spark.sql.streaming.ValueState;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.LongAccumulator;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The Adopter Detective's state machine for one visitor (the grouping key). Input rows are likes
 * ({@code cat_id}, {@code event_time}); state is the set of distinct liked cats and the last like
 * time. Each like that changes either while the visitor has liked more than {@code threshold} cats
 * emits one alert row ({@link #OUTPUT_SCHEMA}) with the visitor's state after that like, as the
 * original's continuous aggregation re-emitted its row: the 4th and the 5th distinct like raise one
 * alert each, whether they arrive in one micro-batch or two.
 *
 * <p>Likes older than the event-time watermark Spark passes in {@link TimerValues} are dropped as
 * late, and counted in the {@code lateLikes} accumulator ({@link DroppedRecords#LATE_LIKES}).
 *
 * <p>Both state variables carry a processing-time TTL, and every like rewrites all of them, so a
 * visitor's state expires as a whole once they have not liked anything for the TTL (the original's
 * state grew forever). A visitor who comes back after that starts from nothing.
 */
public final class AdopterDetectiveProcessor extends StatefulProcessor<String, Row, Row> {
  private static final long serialVersionUID = 1L;

  /** Columns of the emitted rows: exactly {@code PotentialAdopterAlert}'s. */
  public static final StructType OUTPUT_SCHEMA =
      new StructType()
          .add("visitor_id", DataTypes.StringType, false)
          .add("alert_time", DataTypes.StringType, false)
          .add("liked_cats", DataTypes.StringType, false)
          .add("number_of_likes", DataTypes.LongType, false)
          .add("alert_message", DataTypes.StringType, false)
          .add("alert_id", DataTypes.StringType, false);

  static final String LIKED_CATS_STATE = "liked_cats";
  static final String LAST_LIKE_TIME_STATE = "last_like_time";

  private final int threshold;
  private final Duration stateTtl;
  private final LongAccumulator lateLikes;

  /** Cat id → event time (epoch ms) of the visitor's first like of it. */
  private transient MapState<String, Long> likedCats;

  private transient ValueState<Long> lastLikeTime;

  /** A processor counting late likes in a local accumulator: for driving it directly (tests). */
  AdopterDetectiveProcessor(int threshold, Duration stateTtl) {
    this(threshold, stateTtl, new LongAccumulator());
  }

  /**
   * @param threshold alert when the number of distinct liked cats exceeds this (original: 3)
   * @param stateTtl forget a visitor this long after their last like (processing time)
   * @param lateLikes counts the likes dropped as late; registered with Spark to run in a query
   */
  public AdopterDetectiveProcessor(int threshold, Duration stateTtl, LongAccumulator lateLikes) {
    if (threshold < 0) {
      throw new IllegalArgumentException("threshold is %d: expected >= 0".formatted(threshold));
    }
    requireNonNull(stateTtl, "stateTtl is null");
    if (stateTtl.isNegative() || stateTtl.isZero()) {
      throw new IllegalArgumentException("state TTL is %s: expected > 0".formatted(stateTtl));
    }
    this.threshold = threshold;
    this.stateTtl = stateTtl;
    this.lateLikes = requireNonNull(lateLikes, "lateLikes is null");
  }

  @Override
  public void init(OutputMode outputMode, TimeMode timeMode) {
    TTLConfig ttl = new TTLConfig(stateTtl);
    likedCats = getHandle().getMapState(LIKED_CATS_STATE, Encoders.STRING(), Encoders.LONG(), ttl);
    lastLikeTime = getHandle().getValueState(LAST_LIKE_TIME_STATE, Encoders.LONG(), ttl);
  }

  @Override
  public Iterator<Row> handleInputRows(String visitorId, Iterator<Row> likes, TimerValues timers) {
    requireNonNull(visitorId, "visitorId is null");
    VisitorLikes state = readState();
    Map<String, Long> firstLikes = new HashMap<>();
    List<Row> alerts = new ArrayList<>();
    for (Like like : inEventTimeOrder(likes, timers.getCurrentWatermarkInMs())) {
      VisitorLikes next = state.withLike(like.catId(), like.likedAtMillis());
      if (next.equals(state)) {
        continue;
      }
      if (!state.likedCats().contains(like.catId())) {
        firstLikes.put(like.catId(), like.likedAtMillis());
      }
      state = next;
      // One alert per like that changes a qualifying visitor's row, as the original's updating
      // aggregation emitted one: the alerts do not depend on how likes fall into micro-batches.
      if (state.numberOfLikes() > threshold) {
        alerts.add(toRow(AdopterAlerts.alert(visitorId, state)));
      }
    }
    writeState(state, firstLikes);
    return CollectionConverters.asScala(alerts.iterator());
  }

  /** One like of the batch: which cat, and when (event time, epoch ms). */
  private record Like(String catId, long likedAtMillis) {}

  /**
   * The batch's likes in event-time order (ties in arrival order), those behind the watermark
   * dropped and counted. Spark drops late input itself only in event-time mode, and TTL needs
   * processing-time mode, so the processor drops likes behind the watermark Spark hands it (-1 or 0
   * before there is one). The order is explicit because Spark promises none within a group.
   */
  private List<Like> inEventTimeOrder(Iterator<Row> rows, long watermark) {
    List<Like> likes = new ArrayList<>();
    while (rows.hasNext()) {
      Row row = rows.next();
      long likedAt = row.<Timestamp>getAs("event_time").getTime();
      if (watermark > 0 && likedAt < watermark) {
        lateLikes.add(1);
      } else {
        likes.add(new Like(row.getAs("cat_id"), likedAt));
      }
    }
    likes.sort(Comparator.comparingLong(Like::likedAtMillis));
    return likes;
  }

  private VisitorLikes readState() {
    if (!lastLikeTime.exists()) {
      return VisitorLikes.none();
    }
    TreeSet<String> cats = new TreeSet<>();
    CollectionConverters.asJava(likedCats.keys()).forEachRemaining(cats::add);
    return new VisitorLikes(cats, lastLikeTime.get());
  }

  /**
   * Rewrites every entry, not only the new ones: each write restarts that entry's TTL clock, so the
   * visitor's state lives and expires as one.
   */
  private void writeState(VisitorLikes likes, Map<String, Long> firstLikes) {
    for (String cat : likes.likedCats()) {
      Long firstLike = firstLikes.containsKey(cat) ? firstLikes.get(cat) : likedCats.getValue(cat);
      likedCats.updateValue(cat, firstLike);
    }
    lastLikeTime.update(likes.lastLikeTimeMillis());
  }

  static Row toRow(PotentialAdopterAlert alert) {
    return RowFactory.create(
        alert.visitorId(),
        alert.alertTime(),
        alert.likedCats(),
        alert.numberOfLikes(),
        alert.alertMessage(),
        alert.alertId());
  }
}
