package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class TestStaffToken {
  @Test
  void noTokenConfiguredAcceptsNothing() {
    StaffToken token = StaffToken.of("");

    assertThat(token.enabled()).isFalse();
    assertThat(token.accepts("")).isFalse();
    assertThat(token.accepts(null)).isFalse();
    assertThat(StaffToken.of(null).enabled()).isFalse();
  }

  @Test
  void acceptsOnlyTheExactToken() {
    StaffToken token = StaffToken.of("correct-horse");

    assertThat(token.enabled()).isTrue();
    assertThat(token.accepts("correct-horse")).isTrue();
    assertThat(token.accepts("correct-hors")).isFalse();
    assertThat(token.accepts("correct-horse2")).isFalse();
    assertThat(token.accepts(null)).isFalse();
  }

  @Test
  void shortTokensAreRejected() {
    assertThatThrownBy(() -> StaffToken.of("short"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ALERT_UI_STAFF_TOKEN");
  }

  @Test
  void neverPrintsTheToken() {
    assertThat(StaffToken.of("correct-horse").toString()).doesNotContain("correct-horse");
  }
}
