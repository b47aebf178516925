package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.List;

/**
 * The last {@code capacity} feed messages, oldest first, replayed to a page that connects late so
 * its feed is not empty. Not thread-safe: {@link FeedHub} guards it together with its sessions.
 */
public final class RecentMessages {
  private final int capacity;
  private final ArrayDeque<String> messages;

  public RecentMessages(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative: " + capacity);
    }
    this.capacity = capacity;
    this.messages = new ArrayDeque<>(capacity);
  }

  public void add(String message) {
    requireNonNull(message, "message is null");
    if (capacity == 0) {
      return;
    }
    if (messages.size() == capacity) {
      messages.removeFirst();
    }
    messages.addLast(message);
  }

  /** Oldest first, so a page that prepends each card ends with the newest on top. */
  public List<String> snapshot() {
    return List.copyOf(messages);
  }
}
