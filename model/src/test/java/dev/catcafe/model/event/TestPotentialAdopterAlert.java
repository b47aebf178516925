package dev.catcafe.model.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

final class TestPotentialAdopterAlert {
  @Test
  void anAlertJoinsTheLikedCatsCountsThemAndNamesTheVisitorById() {
    PotentialAdopterAlert alert =
        PotentialAdopterAlert.of(
            "visitor-1", "2026-12-05T10:00:00.000Z", List.of("cat-1", "cat-2", "cat-3"), "id-1");

    assertThat(alert)
        .isEqualTo(
            new PotentialAdopterAlert(
                "visitor-1",
                "2026-12-05T10:00:00.000Z",
                "cat-1, cat-2, cat-3",
                3,
                "Potential adopter detected: visitor-1 has liked 3 cats.",
                "id-1"));
  }

  @Test
  void theMessageNamesWhoeverItIsGiven() {
    assertThat(PotentialAdopterAlert.message("Ada", 4))
        .isEqualTo("Potential adopter detected: Ada has liked 4 cats.");
  }

  @Test
  void likedCatIdsSplitFlinksListagg() {
    assertThat(PotentialAdopterAlert.likedCatIds("cat-1, cat-2,cat-3 , cat-4"))
        .containsExactly("cat-1", "cat-2", "cat-3", "cat-4");
    assertThat(PotentialAdopterAlert.likedCatIds(" , ")).isEmpty();
    assertThat(PotentialAdopterAlert.likedCatIds(null)).isEmpty();
  }

  @Test
  void likedCatIdsReadWhatAnAlertWrites() {
    List<String> cats = List.of("cat-a", "cat-b");
    PotentialAdopterAlert alert = PotentialAdopterAlert.of("v", "t", cats, "id");

    assertThat(PotentialAdopterAlert.likedCatIds(alert.likedCats())).isEqualTo(cats);
  }
}
