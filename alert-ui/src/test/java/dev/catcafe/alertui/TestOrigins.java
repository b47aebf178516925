package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TestOrigins {
  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "http://127.0.0.1:8788, 127.0.0.1:8788",
    "http://LOCALHOST:8788, localhost:8788",
    "https://cafe.example, cafe.example",
    "http://cafe.example, cafe.example:80",
    "'http://[::1]:8788', '[::1]:8788'"
  })
  void thePagesOwnOriginPasses(String origin, String host) {
    assertThat(Origins.allowed(origin, host)).isTrue();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "http://evil.example, 127.0.0.1:8788",
    "http://127.0.0.1:9999, 127.0.0.1:8788",
    "https://cafe.example, cafe.example:80",
    "null, 127.0.0.1:8788",
    "file://, 127.0.0.1:8788",
    // No Host header at all.
    "http://127.0.0.1:8788,",
    "http://127.0.0.1:8788.evil.example, 127.0.0.1:8788"
  })
  void anotherSiteIsRefused(String origin, String host) {
    assertThat(Origins.allowed(origin, host)).isFalse();
  }

  @Test
  void aClientWithoutOriginIsNotABrowserPage() {
    assertThat(Origins.allowed(null, "127.0.0.1:8788")).isTrue();
  }
}
