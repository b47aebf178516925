package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.event.CatHealthAlert;
import dev.catcafe.model.event.PotentialAdopterAlert;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the UI does with each alert (spec §5.5): drop repeats, look up the name, shape the frame,
 * publish it, and for a share of adopter alerts adopt one of the liked cats and announce it.
 */
public final class AlertFeed {
  private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);

  private final NameDirectory names;
  private final CatRepository cats;
  private final AdoptionDecision adoptionDecision;
  private final AlertDeduplicator deduplicator;
  private final Consumer<String> publisher;

  public AlertFeed(
      NameDirectory names,
      CatRepository cats,
      AdoptionDecision adoptionDecision,
      AlertDeduplicator deduplicator,
      Consumer<String> publisher) {
    this.names = requireNonNull(names, "names is null");
    this.cats = requireNonNull(cats, "cats is null");
    this.adoptionDecision = requireNonNull(adoptionDecision, "adoptionDecision is null");
    this.deduplicator = requireNonNull(deduplicator, "deduplicator is null");
    this.publisher = requireNonNull(publisher, "publisher is null");
  }

  public void onHealthAlert(CatHealthAlert alert) {
    requireNonNull(alert, "alert is null");
    if (!deduplicator.firstTime(alert.alertId())) {
      return;
    }
    String catName = names.catName(alert.catId()).orElse(FeedMessages.UNKNOWN_CAT);
    publisher.accept(FeedMessages.toJson(FeedMessages.healthAlert(alert, catName)));
  }

  public void onPotentialAdopter(PotentialAdopterAlert alert) {
    requireNonNull(alert, "alert is null");
    if (!deduplicator.firstTime(alert.alertId())) {
      return;
    }
    Optional<String> visitorName = names.visitorName(alert.visitorId());
    publisher.accept(
        FeedMessages.toJson(FeedMessages.potentialAdopter(alert, visitorName.orElse(null))));
    adoptionDecision.catToAdopt(alert.likedCats()).ifPresent(this::adoptQuietly);
  }

  /**
   * Adopts {@code catId} if it is still available and announces it; the staff button and the
   * write-back both come here.
   */
  public AdoptionOutcome adopt(String catId) throws SQLException {
    AdoptionOutcome outcome = cats.adoptIfAvailable(requireNonNull(catId, "catId is null"));
    if (outcome.adopted()) {
      names.rememberCat(catId, outcome.catName());
      publisher.accept(FeedMessages.toJson(FeedMessages.catStatusUpdate(catId, outcome.catName())));
      LOG.info("cat {} ({}) adopted", catId, outcome.catName());
    }
    return outcome;
  }

  private void adoptQuietly(String catId) {
    try {
      adopt(catId);
    } catch (SQLException | RuntimeException failure) {
      // As in the original, a failed write-back must not stop the feed.
      LOG.warn("write-back adoption of cat {} failed: {}", catId, failure.toString());
    }
  }
}
