package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TestRecentMessages {
  @Test
  void keepsTheNewestOldestFirst() {
    RecentMessages recent = new RecentMessages(3);
    for (String message : new String[] {"1", "2", "3", "4", "5"}) {
      recent.add(message);
    }

    assertThat(recent.snapshot()).containsExactly("3", "4", "5");
  }

  @Test
  void zeroCapacityKeepsNothing() {
    RecentMessages recent = new RecentMessages(0);
    recent.add("1");

    assertThat(recent.snapshot()).isEmpty();
  }

  @Test
  void snapshotIsACopy() {
    RecentMessages recent = new RecentMessages(2);
    recent.add("1");
    var snapshot = recent.snapshot();
    recent.add("2");

    assertThat(snapshot).containsExactly("1");
  }
}
