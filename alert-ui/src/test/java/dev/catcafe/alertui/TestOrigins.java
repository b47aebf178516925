package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class TestOrigins {
  private static final Origins DEFAULTS = Origins.of(List.of(), 8788);

  @ParameterizedTest(name = "Origin {0}: {1}")
  @CsvSource({
    // The UI's own URLs pass, however they are spelled.
    "http://127.0.0.1:8788, true",
    "http://LOCALHOST:8788, true",
    "http://localhost:8788/, true",
    // A DNS-rebinding page, another site, port or scheme, an opaque origin are refused.
    "http://attacker.example:8788, false",
    "http://evil.example, false",
    "http://127.0.0.1:9999, false",
    "https://127.0.0.1:8788, false",
    "null, false",
    "file://, false",
    "http://127.0.0.1:8788.evil.example, false",
    // A client without an Origin header is not a browser page.
    ", true"
  })
  void onlyTheUisOwnOriginsPassByDefault(String origin, boolean allowed) {
    assertThat(DEFAULTS.allowsOrigin(origin)).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "Host {0}: {1}")
  @CsvSource({
    "127.0.0.1:8788, true",
    "LocalHost:8788, true",
    "attacker.example:8788, false",
    "127.0.0.1:9999, false",
    "127.0.0.1, false",
    "'', false",
    ", false"
  })
  void onlyTheUisOwnHostsPassByDefault(String host, boolean allowed) {
    assertThat(DEFAULTS.allowsHost(host)).isEqualTo(allowed);
  }

  @Test
  void configuredOriginsReplaceTheDefaults() {
    Origins configured = Origins.of(List.of("https://cafe.example", "http://[::1]:8788"), 8788);

    assertThat(configured.origins())
        .containsExactlyInAnyOrder("https://cafe.example:443", "http://[::1]:8788");
    assertThat(configured.allowsOrigin("https://cafe.example")).isTrue();
    assertThat(configured.allowsOrigin("https://CAFE.example:443")).isTrue();
    assertThat(configured.allowsOrigin("http://127.0.0.1:8788")).isFalse();
    assertThat(configured.allowsHost("cafe.example")).isTrue();
    assertThat(configured.allowsHost("[::1]:8788")).isTrue();
    assertThat(configured.allowsHost("127.0.0.1:8788")).isFalse();
  }

  @Test
  void defaultsFollowThePort() {
    assertThat(Origins.of(List.of(), 41234).origins())
        .containsExactlyInAnyOrder("http://127.0.0.1:41234", "http://localhost:41234");
  }

  @Test
  void anOriginThatIsNotSchemeHostPortIsRefusedAtStart() {
    for (String bad :
        List.of("cafe.example", "ftp://cafe.example", "http://cafe.example/path", "*")) {
      assertThatThrownBy(() -> Origins.of(List.of(bad), 8788))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ALERT_UI_ALLOWED_ORIGINS");
    }
  }
}
