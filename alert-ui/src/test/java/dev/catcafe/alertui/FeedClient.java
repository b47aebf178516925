package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * A WebSocket client of the feed, as a page would be: it records each text frame with the {@link
 * System#nanoTime()} it arrived at. Used by the latency benchmark and the integration tests.
 */
public final class FeedClient implements AutoCloseable {
  /** One frame and when it arrived. */
  public record Frame(String text, long receivedNanos) {}

  private final List<Frame> frames = new ArrayList<>();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final BiConsumer<String, Long> listener;
  private final WebSocket socket;

  private FeedClient(URI uri, Optional<String> origin, BiConsumer<String, Long> listener) {
    this.listener = requireNonNull(listener, "listener is null");
    HttpClient client = HttpClient.newHttpClient();
    WebSocket.Builder builder = client.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    origin.ifPresent(value -> builder.header("Origin", value));
    try {
      this.socket = builder.buildAsync(uri, new Listener()).get(10, TimeUnit.SECONDS);
    } catch (Exception failure) {
      throw new IllegalStateException("WebSocket handshake with %s failed".formatted(uri), failure);
    }
  }

  /** Connects to {@code uri} ({@code ws://host:port/ws}), sending {@code origin} if present. */
  public static FeedClient connect(URI uri, Optional<String> origin) {
    return new FeedClient(uri, origin, (text, nanos) -> {});
  }

  /** Connects and also calls {@code listener} on the receiving thread for every frame. */
  public static FeedClient connect(URI uri, BiConsumer<String, Long> listener) {
    return new FeedClient(uri, Optional.empty(), listener);
  }

  public synchronized List<Frame> frames() {
    return List.copyOf(frames);
  }

  public synchronized List<String> texts() {
    return frames.stream().map(Frame::text).toList();
  }

  /** Sends {@code text} as one message, as a page's script could. */
  public void send(String text) {
    try {
      socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    } catch (Exception failure) {
      throw new IllegalStateException("could not send a message", failure);
    }
  }

  /** Whether the server has closed the connection (and with which status code). */
  public Optional<Integer> closeStatus() {
    return closed.isDone() ? Optional.of(closed.join()) : Optional.empty();
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      try {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
      } catch (Exception ignored) {
        // the server may already be gone
      }
    }
    socket.abort();
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      long now = System.nanoTime();
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        synchronized (FeedClient.this) {
          frames.add(new Frame(text, now));
        }
        listener.accept(text, now);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(-1);
    }
  }
}
