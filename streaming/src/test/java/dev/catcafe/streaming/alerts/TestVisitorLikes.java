package dev.catcafe.streaming.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.event.PotentialAdopterAlert;
import org.junit.jupiter.api.Test;

final class TestVisitorLikes {
  @Test
  void keepsDistinctCatsSortedAndTheLatestTime() {
    VisitorLikes likes = VisitorLikes.none().withLike("b", 20).withLike("a", 10).withLike("b", 5);

    assertThat(likes.likedCats()).containsExactly("a", "b");
    assertThat(likes.lastLikeTimeMillis()).isEqualTo(20);
  }

  @Test
  void anOlderRepeatChangesNothingAndANewerRepeatMovesTheTime() {
    VisitorLikes likes = VisitorLikes.none().withLike("a", 10);

    assertThat(likes.withLike("a", 9)).isEqualTo(likes);
    assertThat(likes.withLike("a", 11).lastLikeTimeMillis()).isEqualTo(11);
  }

  @Test
  void alertFollowsTheOriginalsTexts() {
    VisitorLikes likes =
        VisitorLikes.none()
            .withLike("c2", 0)
            .withLike("c1", 1_759_864_800_123L)
            .withLike("c4", 0)
            .withLike("c3", 0);

    PotentialAdopterAlert alert = AdopterAlerts.alert("v1", likes);

    assertThat(alert.alertTime()).isEqualTo("2025-10-07T19:20:00.123Z");
    assertThat(alert.likedCats()).isEqualTo("c1, c2, c3, c4");
    assertThat(alert.numberOfLikes()).isEqualTo(4);
    assertThat(alert.alertMessage()).isEqualTo("Potential adopter detected: v1 has liked 4 cats.");
    assertThat(alert.alertId()).isEqualTo(AdopterAlerts.alert("v1", likes).alertId());
    assertThat(alert.alertId()).isNotEqualTo(AdopterAlerts.alert("v2", likes).alertId());
    assertThat(alert.key()).isEqualTo("{\"visitor_id\":\"v1\"}");
  }

  @Test
  void noAlertWithoutLikes() {
    assertThatThrownBy(() -> AdopterAlerts.alert("v1", VisitorLikes.none()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
