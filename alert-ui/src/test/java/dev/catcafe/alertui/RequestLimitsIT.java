package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The UI's limits against the real server: a DNS-rebinding page is refused, guessing the staff
 * token is throttled, and oversized bodies and WebSocket messages are refused.
 */
@ExtendWith(LocalPlatformExtension.class)
final class RequestLimitsIT {
  private static final String TOKEN = "limits-secret-42";
  private static PostgresSettings postgres;
  @AutoClose private static AlertUiApp app;

  @BeforeAll
  static void start(TestingPlatform platform) {
    postgres = TestingCafe.emptyCafe(platform, "ui_limits");
    KafkaSettings kafka = platform.isolatedKafka("ui-limits-");
    for (String catId : List.of("limits-1", "limits-2")) {
      TestingCafe.insertAvailableCat(postgres, catId, "grey", "long", 4, LocalDate.of(2025, 6, 1));
    }
    app = TestingCafe.startForStaff(kafka, postgres, "ui-limits-it", StaffToken.of(TOKEN));
  }

  @Test
  void aDnsRebindingPageIsRefused() {
    String attacker = "attacker.example:" + app.port();
    assertThat(statusOf(handshake(attacker, "http://" + attacker))).isEqualTo(403);
    assertThat(statusOf(request("GET", "/api/cats", attacker, Optional.empty(), "")))
        .isEqualTo(403);
    assertThat(statusOf(request("GET", "/", attacker, Optional.empty(), ""))).isEqualTo(403);
    // The same requests naming the UI itself pass: the refusals above are the Host's doing.
    String own = "127.0.0.1:" + app.port();
    assertThat(statusOf(handshake(own, "http://" + own))).isEqualTo(101);
    assertThat(
            statusOf(request("GET", "/api/cats", "localhost:" + app.port(), Optional.empty(), "")))
        .isEqualTo(200);
    // The probes name the pod's address: /health answers any Host.
    assertThat(statusOf(request("GET", "/health", "10.1.2.3:" + app.port(), Optional.empty(), "")))
        .isIn(200, 503);
  }

  @Test
  void aForeignOriginCannotAdoptEvenWithTheToken() {
    String own = "127.0.0.1:" + app.port();
    String reply =
        request(
            "POST",
            "/api/cats/limits-1/adopt",
            own,
            Optional.of("http://attacker.example:" + app.port()),
            "X-Staff-Token: " + TOKEN + "\r\n");
    assertThat(statusOf(reply)).isEqualTo(403);
    assertThat(TestingCafe.catStatus(postgres, "limits-1")).contains("available");
  }

  @Test
  void aHundredWrongTokensWithinASecondAreThrottled() {
    HttpClient client = HttpClient.newHttpClient();
    // One request first, so the timing below is of the attempts, not of the client's start-up.
    client
        .sendAsync(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:%d/health".formatted(app.port())))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .join();
    long started = System.nanoTime();
    List<CompletableFuture<HttpResponse<String>>> replies = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      HttpRequest wrong =
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:%d/api/cats/limits-2/adopt".formatted(app.port())))
              .header(StaffToken.HEADER, "wrong-token-" + i)
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
      replies.add(client.sendAsync(wrong, HttpResponse.BodyHandlers.ofString()));
    }
    Map<Integer, Long> statuses =
        replies.stream()
            .map(CompletableFuture::join)
            .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).isLessThan(Duration.ofSeconds(1));
    assertThat(statuses.keySet()).containsOnly(403, 429);
    // The burst, plus at most one refill per second the requests took.
    assertThat(statuses.get(403)).isLessThanOrEqualTo(FailedAttemptLimiter.DEFAULT_BURST + 1L);
    assertThat(statuses.get(429))
        .isGreaterThanOrEqualTo(100L - FailedAttemptLimiter.DEFAULT_BURST - 1);
    assertThat(TestingCafe.catStatus(postgres, "limits-2")).contains("available");
    // Staff get in again once the bucket refills.
    Polling.await(
        Duration.ofSeconds(10),
        "the right token accepted again",
        () ->
            TestingCafe.post(app.port(), "/api/cats/limits-2/adopt", Optional.of(TOKEN))
                    .statusCode()
                != 429);
    assertThat(TestingCafe.catStatus(postgres, "limits-2"))
        .hasValueSatisfying(status -> assertThat(status).startsWith("adopted"));
  }

  @Test
  void anOversizedBodyIsRefused() {
    String body = "x".repeat((int) RequestGuard.MAX_BODY_BYTES + 1);
    String reply =
        request(
            "POST",
            "/api/cats/limits-1/adopt",
            "127.0.0.1:" + app.port(),
            Optional.empty(),
            "Content-Type: text/plain\r\nContent-Length: " + body.length() + "\r\n",
            body);
    assertThat(statusOf(reply)).isEqualTo(413);
  }

  @Test
  void anOversizedWebSocketMessageClosesTheConnection() {
    try (FeedClient client = TestingCafe.feed(app)) {
      client.send("small");
      client.send("x".repeat(AlertUiApp.MAX_WEBSOCKET_MESSAGE_BYTES + 1));
      Polling.await(
          Duration.ofSeconds(10), "the server closes", () -> client.closeStatus().isPresent());
      assertThat(client.closeStatus()).contains(1009);
    }
  }

  private static String handshake(String host, String origin) {
    return request(
        "GET",
        "/ws",
        host,
        Optional.of(origin),
        "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n");
  }

  private static String request(
      String method, String path, String host, Optional<String> origin, String headers) {
    return request(method, path, host, origin, headers, "");
  }

  /**
   * One request over a raw socket, since Java's HTTP client will not send a {@code Host} other than
   * the URI's; returns the response's head (status line and headers).
   */
  private static String request(
      String method,
      String path,
      String host,
      Optional<String> origin,
      String headers,
      String body) {
    try (Socket socket = new Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(10_000);
      String head =
          "%s %s HTTP/1.1\r\nHost: %s\r\n%s%s%s\r\n"
              .formatted(
                  method,
                  path,
                  host,
                  origin.map(value -> "Origin: " + value + "\r\n").orElse(""),
                  headers,
                  headers.contains("Connection:") ? "" : "Connection: close\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return readHead(socket.getInputStream());
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int next;
    while ((next = in.read()) >= 0) {
      head.append((char) next);
      if (head.toString().endsWith("\r\n\r\n")) {
        break;
      }
    }
    return head.toString();
  }

  private static int statusOf(String head) {
    assertThat(head).as("a response").startsWith("HTTP/1.1 ");
    return Integer.parseInt(head.substring(9, 12));
  }
}
