package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class TestLruCache {
  @Test
  void evictsTheLeastRecentlyUsed() {
    LruCache<String, String> cache = new LruCache<>(2);
    cache.put("a", "1");
    cache.put("b", "2");
    assertThat(cache.get("a")).contains("1"); // a is now more recent than b
    cache.put("c", "3");

    assertThat(cache.get("b")).isEmpty();
    assertThat(cache.get("a")).contains("1");
    assertThat(cache.get("c")).contains("3");
    assertThat(cache.size()).isEqualTo(2);
  }

  @Test
  void putIfAbsentReportsWhetherItAdded() {
    LruCache<String, Boolean> cache = new LruCache<>(3);

    assertThat(cache.putIfAbsent("x", true)).isTrue();
    assertThat(cache.putIfAbsent("x", true)).isFalse();
  }

  @Test
  void rejectsANonPositiveCapacity() {
    assertThatThrownBy(() -> new LruCache<String, String>(0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
