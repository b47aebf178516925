package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the Adopter Detective remembers of one visitor: the distinct cats they liked and the time of
 * their latest like, the original's {@code COUNT(DISTINCT cat_id)}, {@code LISTAGG(DISTINCT
 * cat_id)} and {@code MAX(event_ts)}. Immutable; {@link #withLike} returns the updated value.
 *
 * @param likedCats the distinct cat ids, sorted
 * @param lastLikeTimeMillis the latest like's event time in epoch milliseconds, {@link
 *     Long#MIN_VALUE} before any like
 */
public record VisitorLikes(SortedSet<String> likedCats, long lastLikeTimeMillis) {
  public VisitorLikes {
    likedCats = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(likedCats)));
  }

  /** A visitor who has liked nothing yet. */
  public static VisitorLikes none() {
    return new VisitorLikes(new TreeSet<>(), Long.MIN_VALUE);
  }

  /** After a like of {@code catId} at {@code likedAtMillis}; equal to this if nothing changed. */
  public VisitorLikes withLike(String catId, long likedAtMillis) {
    requireNonNull(catId, "catId is null");
    if (likedCats.contains(catId) && likedAtMillis <= lastLikeTimeMillis) {
      return this;
    }
    SortedSet<String> cats = new TreeSet<>(likedCats);
    cats.add(catId);
    return new VisitorLikes(cats, Math.max(lastLikeTimeMillis, likedAtMillis));
  }

  public int numberOfLikes() {
    return likedCats.size();
  }

  public boolean isEmpty() {
    return likedCats.isEmpty();
  }
}
