package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TestOrigins {
  @ParameterizedTest(name = "Origin {0}, Host {1}: {2}")
  @CsvSource({
    // The page's own origin passes, however it is spelled.
    "http://127.0.0.1:8788, 127.0.0.1:8788, true",
    "http://LOCALHOST:8788, localhost:8788, true",
    "https://cafe.example, cafe.example, true",
    "http://cafe.example, cafe.example:80, true",
    "'http://[::1]:8788', '[::1]:8788', true",
    // Another site is refused: another host, port or scheme, an opaque origin, no Host header.
    "http://evil.example, 127.0.0.1:8788, false",
    "http://127.0.0.1:9999, 127.0.0.1:8788, false",
    "https://cafe.example, cafe.example:80, false",
    "null, 127.0.0.1:8788, false",
    "file://, 127.0.0.1:8788, false",
    "http://127.0.0.1:8788, , false",
    "http://127.0.0.1:8788.evil.example, 127.0.0.1:8788, false",
    // A client without an Origin header is not a browser page.
    ", 127.0.0.1:8788, true"
  })
  void onlyThePagesOwnOriginPasses(String origin, String host, boolean allowed) {
    assertThat(Origins.allowed(origin, host)).isEqualTo(allowed);
  }
}
