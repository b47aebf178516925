package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
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

  /** The cat to adopt for this alert, or empty when this alert adopts none. */
  public synchronized Optional<String> catToAdopt(String likedCats) {
    List<String> catIds = likedCatIds(likedCats);
    if (share == 0.0 || catIds.isEmpty() || random.nextDouble() >= share) {
      return Optional.empty();
    }
    return Optional.of(catIds.get(random.nextInt(catIds.size())));
  }

  /** {@code liked_cats} is Flink's {@code LISTAGG(DISTINCT cat_id, ', ')}: split and strip. */
  public static List<String> likedCatIds(String likedCats) {
    if (likedCats == null) {
      return List.of();
    }
    return Arrays.stream(likedCats.split(","))
        .map(String::strip)
        .filter(id -> !id.isEmpty())
        .toList();
  }

  public double share() {
    return share;
  }
}
