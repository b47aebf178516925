package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.Set;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WriteCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connected pages and the recent-message buffer, under one lock so a page that joins gets the
 * buffer and then every later message, with none lost or doubled in between. Sends are asynchronous
 * (queued by Jetty), so a slow browser never stalls the Kafka thread.
 */
public final class FeedHub {
  private static final Logger LOG = LoggerFactory.getLogger(FeedHub.class);
  private static final WriteCallback LOG_FAILURE =
      new WriteCallback() {
        @Override
        public void writeFailed(Throwable failure) {
          LOG.debug("WebSocket send failed: {}", failure.toString());
        }
      };

  private final int maxConnections;
  private final RecentMessages recent;
  private final Set<Session> sessions = new HashSet<>();

  public FeedHub(int maxConnections, int recentCapacity) {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be positive: " + maxConnections);
    }
    this.maxConnections = maxConnections;
    this.recent = new RecentMessages(recentCapacity);
  }

  /** Registers a page and replays the recent messages; false when the hub is full. */
  public synchronized boolean join(Session session) {
    requireNonNull(session, "session is null");
    if (sessions.size() >= maxConnections) {
      return false;
    }
    for (String message : recent.snapshot()) {
      send(session, message);
    }
    sessions.add(session);
    return true;
  }

  public synchronized void leave(Session session) {
    sessions.remove(requireNonNull(session, "session is null"));
  }

  public synchronized void publish(String message) {
    requireNonNull(message, "message is null");
    recent.add(message);
    for (Session session : sessions) {
      send(session, message);
    }
  }

  public synchronized int connections() {
    return sessions.size();
  }

  public synchronized boolean full() {
    return sessions.size() >= maxConnections;
  }

  private static void send(Session session, String message) {
    if (session.isOpen()) {
      session.getRemote().sendString(message, LOG_FAILURE);
    }
  }
}
