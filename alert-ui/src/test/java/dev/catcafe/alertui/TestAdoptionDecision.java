package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

final class TestAdoptionDecision {
  private static final String LIKED = "cat-1, cat-2,cat-3 , cat-4";

  @Test
  void shareZeroNeverAdopts() {
    AdoptionDecision decision = new AdoptionDecision(0.0, new Random(1));

    for (int i = 0; i < 1_000; i++) {
      assertThat(decision.catToAdopt(LIKED)).isEmpty();
    }
  }

  @Test
  void shareOneAlwaysAdoptsALikedCat() {
    AdoptionDecision decision = new AdoptionDecision(1.0, new Random(1));

    for (int i = 0; i < 100; i++) {
      assertThat(decision.catToAdopt(LIKED))
          .hasValueSatisfying(cat -> assertThat(cat).isIn("cat-1", "cat-2", "cat-3", "cat-4"));
    }
  }

  @Test
  void defaultShareAdoptsAboutAQuarter() {
    AdoptionDecision decision = new AdoptionDecision(0.25, new Random(42));
    int adopted = 0;
    for (int i = 0; i < 10_000; i++) {
      if (decision.catToAdopt(LIKED).isPresent()) {
        adopted++;
      }
    }

    assertThat(adopted).isBetween(2_300, 2_700);
  }

  @Test
  void seededDecisionsRepeat() {
    AdoptionDecision first = new AdoptionDecision(0.5, new Random(7));
    AdoptionDecision second = new AdoptionDecision(0.5, new Random(7));

    for (int i = 0; i < 50; i++) {
      assertThat(first.catToAdopt(LIKED)).isEqualTo(second.catToAdopt(LIKED));
    }
  }

  @Test
  void emptyLikesAdoptNothing() {
    assertThat(new AdoptionDecision(1.0, new Random(1)).catToAdopt("")).isEmpty();
  }

  @Test
  void rejectsAShareOutsideZeroToOne() {
    assertThatThrownBy(() -> new AdoptionDecision(1.5, new Random()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AdoptionDecision(Double.NaN, new Random()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
