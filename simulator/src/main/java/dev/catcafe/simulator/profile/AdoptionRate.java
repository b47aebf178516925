package dev.catcafe.simulator.profile;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.CatArchetype;
import dev.catcafe.model.CoatColor;

/**
 * The original generator's adoption rate (spec §1.3): the chance a drawn cat is kept as an adopted
 * one. Kittens go faster, black cats and old cats slower, so the adopted population is skewed.
 */
public final class AdoptionRate {
  public static final double BASE = 0.5;
  public static final double SOCIAL_KITTEN_FACTOR = 1.7;
  public static final double BLACK_COAT_FACTOR = 0.8;
  public static final double PER_YEAR_OVER_TEN_FACTOR = 0.91;
  public static final int AGE_PENALTY_FROM_MONTHS = 120;

  private AdoptionRate() {}

  public static double of(CatArchetype archetype, CoatColor coatColor, int ageMonths) {
    requireNonNull(archetype, "archetype is null");
    requireNonNull(coatColor, "coatColor is null");
    double rate = BASE;
    if (archetype == CatArchetype.SOCIAL_KITTEN) {
      rate *= SOCIAL_KITTEN_FACTOR;
    }
    if (coatColor == CoatColor.BLACK) {
      rate *= BLACK_COAT_FACTOR;
    }
    if (ageMonths > AGE_PENALTY_FROM_MONTHS) {
      int fullYearsOver = (ageMonths - AGE_PENALTY_FROM_MONTHS) / 12;
      rate *= Math.pow(PER_YEAR_OVER_TEN_FACTOR, fullYearsOver);
    }
    return Math.min(rate, 1.0);
  }
}
