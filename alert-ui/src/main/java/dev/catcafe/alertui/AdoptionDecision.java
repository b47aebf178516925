package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.event.PotentialAdopterAlert;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The original's "action back to the source system" (spec §5.5): a share of potential-adopter
 * alerts adopts one of the cats the visitor liked, picked at random. The generator is injected so
 * tests can seed it.
 */
public final class AdoptionDecision {
  private final double share;
  private final RandomGenerator random;

  public AdoptionDecision(double share, RandomGenerator random) {
    if (!(share >= 0.0 && share <= 1.0)) {
      throw new IllegalArgumentException("adoption share must be within [0, 1]: " + share);
    }
    this.share = share;
    this.random = requireNonNull(random, "random is null");
  }

  /**
   * The cat to adopt for an alert with this {@code liked_cats}, or empty when this alert adopts
   * none.
   */
  public synchronized Optional<String> catToAdopt(String likedCats) {
    List<String> catIds = PotentialAdopterAlert.likedCatIds(likedCats);
    if (share == 0.0 || catIds.isEmpty() || random.nextDouble() >= share) {
      return Optional.empty();
    }
    return Optional.of(catIds.get(random.nextInt(catIds.size())));
  }

  public double share() {
    return share;
  }
}
