package dev.catcafe.platform.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A call that blocks on I/O (an HTTP request, a child process), for fixtures whose callers should
 * not have to handle its checked exceptions: {@link #unchecked} runs it.
 */
@FunctionalInterface
public interface Blocking<T> {
  T call() throws IOException, InterruptedException;

  /**
   * The value of {@code call}; an I/O failure unchecked, an interrupt kept on the thread (so the
   * test runner sees it) and thrown as an {@link IllegalStateException}.
   */
  static <T> T unchecked(Blocking<T> call) {
    requireNonNull(call, "call is null");
    try {
      return call.call();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
