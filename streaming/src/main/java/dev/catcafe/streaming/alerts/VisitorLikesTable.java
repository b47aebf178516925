package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.event.PotentialAdopterAlert;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What the Adopter Detective remembers of the visitors whose likes one task reads, in real-time
 * mode, where Spark keeps no state for it: per visitor their {@link VisitorLikes} and when
 * (processing time) they last liked anything, and the latest like time seen, from which the
 * watermark follows. The rules are {@link AdopterDetectiveProcessor}'s: one alert per like that
 * changes a visitor's row while they have liked more than the threshold, likes older than the
 * watermark dropped, a visitor forgotten once idle for the state TTL. One difference: the watermark
 * moves with every like rather than once per micro-batch.
 *
 * <p>Mutable and not thread-safe: one task owns it between two snapshots ({@link #writeTo}, {@link
 * #readFrom}).
 */
final class VisitorLikesTable {
  /** Changes whenever the snapshot layout does, so an old file is refused rather than misread. */
  private static final int FORMAT_VERSION = 1;

  private final AdopterDetectiveRules rules;
  private final Map<String, Remembered> visitors = new HashMap<>();
  private long latestLikeMillis = Long.MIN_VALUE;

  /** A visitor's likes and when (processing time, epoch ms) they last liked anything. */
  private record Remembered(VisitorLikes likes, long touchedAtMillis) {}

  VisitorLikesTable(AdopterDetectiveRules rules) {
    this.rules = requireNonNull(rules, "rules is null");
  }

  /** True when a like at {@code likedAtMillis} is behind the watermark and must be dropped. */
  boolean isLate(long likedAtMillis) {
    return latestLikeMillis != Long.MIN_VALUE
        && likedAtMillis < latestLikeMillis - rules.watermarkDelay().toMillis();
  }

  /**
   * Applies a like of {@code catId} by {@code visitorId} at event time {@code likedAtMillis}, seen
   * at processing time {@code nowMillis}, and returns the alert it raises, if any. A late like
   * ({@link #isLate}) changes nothing.
   */
  Optional<PotentialAdopterAlert> like(
      String visitorId, String catId, long likedAtMillis, long nowMillis) {
    requireNonNull(visitorId, "visitorId is null");
    requireNonNull(catId, "catId is null");
    if (isLate(likedAtMillis)) {
      return Optional.empty();
    }
    latestLikeMillis = Math.max(latestLikeMillis, likedAtMillis);
    VisitorLikes before = likesOf(visitorId, nowMillis);
    VisitorLikes after = before.withLike(catId, likedAtMillis);
    // Any like restarts the visitor's TTL clock, as the processor's rewrite of its state does.
    visitors.put(visitorId, new Remembered(after, nowMillis));
    return !after.equals(before) && after.numberOfLikes() > rules.threshold()
        ? Optional.of(AdopterAlerts.alert(visitorId, after))
        : Optional.empty();
  }

  /** The visitor's likes as of {@code nowMillis}: nothing once they were idle past the TTL. */
  VisitorLikes likesOf(String visitorId, long nowMillis) {
    Remembered remembered = visitors.get(requireNonNull(visitorId, "visitorId is null"));
    return remembered == null || isExpired(remembered, nowMillis)
        ? VisitorLikes.none()
        : remembered.likes();
  }

  /** Drops the visitors idle past the TTL, so the table stays as small as the live state. */
  void forgetIdle(long nowMillis) {
    visitors.values().removeIf(remembered -> isExpired(remembered, nowMillis));
  }

  /** How many visitors it remembers (expired ones included until {@link #forgetIdle}). */
  int size() {
    return visitors.size();
  }

  private boolean isExpired(Remembered remembered, long nowMillis) {
    return nowMillis - remembered.touchedAtMillis() > rules.stateTtl().toMillis();
  }

  /** Writes the whole table; {@link #readFrom} reads it back. */
  void writeTo(DataOutputStream out) throws IOException {
    out.writeInt(FORMAT_VERSION);
    out.writeLong(latestLikeMillis);
    out.writeInt(visitors.size());
    for (Map.Entry<String, Remembered> entry : visitors.entrySet()) {
      VisitorLikes likes = entry.getValue().likes();
      out.writeUTF(entry.getKey());
      out.writeLong(entry.getValue().touchedAtMillis());
      out.writeLong(likes.lastLikeTimeMillis());
      out.writeInt(likes.numberOfLikes());
      for (String cat : likes.likedCats()) {
        out.writeUTF(cat);
      }
    }
  }

  /** A table as {@link #writeTo} wrote it, under {@code rules}. */
  static VisitorLikesTable readFrom(DataInputStream in, AdopterDetectiveRules rules)
      throws IOException {
    int version = in.readInt();
    if (version != FORMAT_VERSION) {
      throw new IOException(
          "visitor likes snapshot has format %d: expected %d".formatted(version, FORMAT_VERSION));
    }
    VisitorLikesTable table = new VisitorLikesTable(rules);
    table.latestLikeMillis = in.readLong();
    int visitorCount = in.readInt();
    for (int visitor = 0; visitor < visitorCount; visitor++) {
      String visitorId = in.readUTF();
      long touchedAtMillis = in.readLong();
      long lastLikeTimeMillis = in.readLong();
      int catCount = in.readInt();
      TreeSet<String> cats = new TreeSet<>();
      for (int cat = 0; cat < catCount; cat++) {
        cats.add(in.readUTF());
      }
      table.visitors.put(
          visitorId, new Remembered(new VisitorLikes(cats, lastLikeTimeMillis), touchedAtMillis));
    }
    return table;
  }
}
