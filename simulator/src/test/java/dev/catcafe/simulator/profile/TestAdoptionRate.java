package dev.catcafe.simulator.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.catcafe.model.CatArchetype;
import dev.catcafe.model.CoatColor;
import org.junit.jupiter.api.Test;

final class TestAdoptionRate {
  @Test
  void baseRateForAnOrdinaryYoungCat() {
    assertThat(AdoptionRate.of(CatArchetype.STANDARD, CoatColor.TABBY, 60)).isEqualTo(0.5);
  }

  @Test
  void kittensAreFavouredAndBlackCoatsAreNot() {
    assertThat(AdoptionRate.of(CatArchetype.SOCIAL_KITTEN, CoatColor.WHITE, 6))
        .isCloseTo(0.85, within(1e-12));
    assertThat(AdoptionRate.of(CatArchetype.SOCIAL_KITTEN, CoatColor.BLACK, 6))
        .isCloseTo(0.68, within(1e-12));
    assertThat(AdoptionRate.of(CatArchetype.SHY, CoatColor.BLACK, 30))
        .isCloseTo(0.4, within(1e-12));
  }

  @Test
  void everyFullYearOverTenCostsNinePercent() {
    assertThat(AdoptionRate.of(CatArchetype.STANDARD, CoatColor.GRAY, 120)).isEqualTo(0.5);
    assertThat(AdoptionRate.of(CatArchetype.STANDARD, CoatColor.GRAY, 131)).isEqualTo(0.5);
    assertThat(AdoptionRate.of(CatArchetype.STANDARD, CoatColor.GRAY, 132))
        .isCloseTo(0.5 * 0.91, within(1e-12));
    assertThat(AdoptionRate.of(CatArchetype.SLEEPY_SENIOR, CoatColor.BLACK, 240))
        .isCloseTo(0.5 * 0.8 * Math.pow(0.91, 10), within(1e-12));
  }

  @Test
  void neverAboveOne() {
    for (CatArchetype archetype : CatArchetype.values()) {
      for (CoatColor color : CoatColor.values()) {
        for (int age = 0; age <= 240; age++) {
          assertThat(AdoptionRate.of(archetype, color, age)).isBetween(0.0, 1.0);
        }
      }
    }
  }
}
