package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The WebSocket is refused to other sites' pages and beyond the connection limit. */
@ExtendWith(LocalPlatformExtension.class)
final class WebSocketGuardIT {
  @AutoClose private static AlertUiApp app;

  @BeforeAll
  static void start(TestingPlatform platform) {
    PostgresSettings postgres = TestingCafe.emptyCafe(platform, "ui_guard");
    KafkaSettings kafka = platform.isolatedKafka("ui-guard-");
    app =
        AlertUiApp.start(
            TestingCafe.config(kafka, postgres, "ui-guard-it").withMaxConnections(2),
            new Random(1));
  }

  @Test
  void thePagesOwnOriginConnects() {
    String origin = "http://127.0.0.1:%d".formatted(app.port());
    try (FeedClient client =
        FeedClient.connect(TestingCafe.feedUri(app.port()), Optional.of(origin))) {
      Polling.await(Duration.ofSeconds(10), "registration", () -> app.connections() == 1);
      assertThat(client.closeStatus()).isEmpty();
    }
    Polling.await(Duration.ofSeconds(10), "deregistration", () -> app.connections() == 0);
  }

  @Test
  void aForeignOriginIsRefused() {
    for (String origin :
        new String[] {
          "http://evil.example", "http://127.0.0.1:1", "null", "http://127.0.0.1.evil.example"
        }) {
      assertThatThrownBy(
              () -> FeedClient.connect(TestingCafe.feedUri(app.port()), Optional.of(origin)))
          .as(origin)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("handshake");
    }
    assertThat(app.connections()).isZero();
  }

  @Test
  void connectionsBeyondTheLimitAreRefused() {
    try (FeedClient first = TestingCafe.feed(app);
        FeedClient second = TestingCafe.feed(app)) {
      Polling.await(Duration.ofSeconds(10), "two connections", () -> app.connections() == 2);

      assertThatThrownBy(() -> TestingCafe.feed(app)).isInstanceOf(IllegalStateException.class);
      assertThat(app.connections()).isEqualTo(2);
      assertThat(first.closeStatus()).isEmpty();
      assertThat(second.closeStatus()).isEmpty();
    }
    Polling.await(Duration.ofSeconds(10), "connections released", () -> app.connections() == 0);
    try (FeedClient again = TestingCafe.feed(app)) {
      Polling.await(Duration.ofSeconds(10), "a free slot reused", () -> app.connections() == 1);
      assertThat(again.closeStatus()).isEmpty();
    }
  }
}
