package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.EventTimes;
import dev.catcafe.model.event.PotentialAdopterAlert;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** Builds the Adopter Detective's alert from a visitor's likes (spec §4.2). */
public final class AdopterAlerts {
  private AdopterAlerts() {}

  /**
   * The alert for {@code visitorId} with {@code likes}: {@code alert_time} is the last like's time,
   * {@code liked_cats} the sorted cat ids ({@link PotentialAdopterAlert#of}). The id is a hash of
   * visitor, count and time, so the same state always yields the same id (a replay after a restart
   * repeats the id, and a consumer can drop it).
   */
  public static PotentialAdopterAlert alert(String visitorId, VisitorLikes likes) {
    requireNonNull(visitorId, "visitorId is null");
    requireNonNull(likes, "likes is null");
    if (likes.isEmpty()) {
      throw new IllegalArgumentException("visitor %s has liked no cat".formatted(visitorId));
    }
    String alertTime = EventTimes.format(Instant.ofEpochMilli(likes.lastLikeTimeMillis()));
    return PotentialAdopterAlert.of(
        visitorId,
        alertTime,
        List.copyOf(likes.likedCats()),
        sha256Hex("%s/%d/%s".formatted(visitorId, likes.numberOfLikes(), alertTime)));
  }

  static String sha256Hex(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
