package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TestOrigins {
  @Test
  void thePagesOwnOriginPasses() {
    assertThat(Origins.allowed("http://127.0.0.1:8788", "127.0.0.1:8788")).isTrue();
    assertThat(Origins.allowed("http://LOCALHOST:8788", "localhost:8788")).isTrue();
    assertThat(Origins.allowed("https://cafe.example", "cafe.example")).isTrue();
    assertThat(Origins.allowed("http://cafe.example", "cafe.example:80")).isTrue();
    assertThat(Origins.allowed("http://[::1]:8788", "[::1]:8788")).isTrue();
  }

  @Test
  void anotherSiteIsRefused() {
    assertThat(Origins.allowed("http://evil.example", "127.0.0.1:8788")).isFalse();
    assertThat(Origins.allowed("http://127.0.0.1:9999", "127.0.0.1:8788")).isFalse();
    assertThat(Origins.allowed("https://cafe.example", "cafe.example:80")).isFalse();
    assertThat(Origins.allowed("null", "127.0.0.1:8788")).isFalse();
    assertThat(Origins.allowed("file://", "127.0.0.1:8788")).isFalse();
    assertThat(Origins.allowed("http://127.0.0.1:8788", null)).isFalse();
    assertThat(Origins.allowed("http://127.0.0.1:8788.evil.example", "127.0.0.1:8788")).isFalse();
  }

  @Test
  void aClientWithoutOriginIsNotABrowserPage() {
    assertThat(Origins.allowed(null, "127.0.0.1:8788")).isTrue();
  }
}
