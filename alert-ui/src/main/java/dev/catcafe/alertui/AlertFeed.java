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
 * publish it, and for a share of adopter alerts adopt one of the liked cats and announce it. The
 * adoption decision is applied through the {@link AdoptionLedger}, keyed by the alert's id, on the
 * {@link WriteBackWorker}'s thread: once per alert, however often the alert arrives, and retried
 * while PostgreSQL is away.
 */
public final class AlertFeed {
  private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);

  private final NameDirectory names;
  private final CatRepository cats;
  private final AdoptionDecision adoptionDecision;
  private final AlertDeduplicator deduplicator;
  private final AdoptionLedger ledger;
  private final WriteBackWorker writeBacks;
  private final Consumer<String> publisher;

  public AlertFeed(
      NameDirectory names,
      CatRepository cats,
      AdoptionDecision adoptionDecision,
      AlertDeduplicator deduplicator,
      AdoptionLedger ledger,
      WriteBackWorker writeBacks,
      Consumer<String> publisher) {
    this.names = requireNonNull(names, "names is null");
    this.cats = requireNonNull(cats, "cats is null");
    this.adoptionDecision = requireNonNull(adoptionDecision, "adoptionDecision is null");
    this.deduplicator = requireNonNull(deduplicator, "deduplicator is null");
    this.ledger = requireNonNull(ledger, "ledger is null");
    this.writeBacks = requireNonNull(writeBacks, "writeBacks is null");
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

  /**
   * Publishes the alert and hands its write-back to the worker; {@code settled} runs once the
   * decision is in PostgreSQL (at once when there is nothing to write), so the caller knows when
   * the alert may be forgotten.
   */
  public void onPotentialAdopter(PotentialAdopterAlert alert, Runnable settled) {
    requireNonNull(alert, "alert is null");
    requireNonNull(settled, "settled is null");
    if (!deduplicator.firstTime(alert.alertId())) {
      settled.run();
      return;
    }
    Optional<String> visitorName = names.visitorName(alert.visitorId());
    publisher.accept(
        FeedMessages.toJson(FeedMessages.potentialAdopter(alert, visitorName.orElse(null))));
    if (adoptionDecision.share() == 0.0) {
      settled.run(); // write-back disabled: nothing to decide, nothing to record
      return;
    }
    // Drawn once here; if it never reaches PostgreSQL it changed nothing, and the redelivered
    // alert may draw again. Once recorded, the ledger's row is the decision.
    WriteBack writeBack =
        new WriteBack(
            alert.alertId(), alert.visitorId(), adoptionDecision.catToAdopt(alert.likedCats()));
    writeBacks.submit(
        new WriteBackWorker.Task(writeBack, attempt -> writeBack(writeBack, attempt), settled));
  }

  private void writeBack(WriteBack writeBack, int attempt) throws SQLException {
    AdoptionLedger.Applied applied = ledger.apply(writeBack, attempt);
    if (!applied.alreadyDecided()) {
      applied.adoption().filter(AdoptionOutcome::adopted).ifPresent(this::announce);
    } else if (attempt > 1 && applied.adopted()) {
      // An earlier try of ours committed and then lost its connection before the answer came
      // back: the adoption is ours and was never announced.
      applied.adoption().ifPresent(this::announce);
    } else {
      LOG.info("alert {} was decided before: nothing changes", writeBack.alertId());
    }
  }

  /**
   * Adopts {@code catId} if it is still available and announces it: the staff button's adoption,
   * which no alert keys.
   */
  public AdoptionOutcome adopt(String catId) throws SQLException {
    AdoptionOutcome outcome = cats.adoptIfAvailable(requireNonNull(catId, "catId is null"));
    if (outcome.adopted()) {
      announce(outcome);
    }
    return outcome;
  }

  private void announce(AdoptionOutcome outcome) {
    names.rememberCat(outcome.catId(), outcome.catName());
    publisher.accept(
        FeedMessages.toJson(FeedMessages.catStatusUpdate(outcome.catId(), outcome.catName())));
    LOG.info("cat {} ({}) adopted", outcome.catId(), outcome.catName());
  }
}
