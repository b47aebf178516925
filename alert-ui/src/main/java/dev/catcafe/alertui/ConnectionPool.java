package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.PostgresSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A few reused PostgreSQL connections (the original opened one per request and per message). At
 * most {@code size} exist; a caller waits up to {@code borrowTimeout} for one. A connection that
 * fails a statement is closed rather than returned, so a broken socket never serves twice; one that
 * sat idle for a while is checked before use (a round trip we skip for busy connections).
 */
public final class ConnectionPool implements AutoCloseable {
  /** Work done with a borrowed connection. */
  @FunctionalInterface
  public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
  }

  private static final Duration VALIDATE_AFTER_IDLE = Duration.ofSeconds(30);

  private record IdleConnection(Connection connection, long idleSinceNanos) {}

  private final PostgresSettings settings;
  private final Duration borrowTimeout;
  private final Semaphore permits;
  private final BlockingQueue<IdleConnection> idle;
  private volatile boolean closed;

  public ConnectionPool(PostgresSettings settings, int size, Duration borrowTimeout) {
    this.settings = requireNonNull(settings, "settings is null");
    if (size < 1) {
      throw new IllegalArgumentException("pool size must be positive: " + size);
    }
    this.borrowTimeout = requireNonNull(borrowTimeout, "borrowTimeout is null");
    this.permits = new Semaphore(size, true);
    this.idle = new ArrayBlockingQueue<>(size);
  }

  public <T> T withConnection(SqlWork<T> work) throws SQLException {
    requireNonNull(work, "work is null");
    if (closed) {
      throw new SQLException("connection pool is closed");
    }
    try {
      if (!permits.tryAcquire(borrowTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new SQLTimeoutException(
            "no PostgreSQL connection free within %s".formatted(borrowTimeout));
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted waiting for a connection", interrupted);
    }
    Connection connection = null;
    boolean healthy = false;
    try {
      connection = idleOrNew();
      T result = work.apply(connection);
      healthy = true;
      return result;
    } finally {
      release(connection, healthy);
      permits.release();
    }
  }

  /** {@code work} in one transaction on a borrowed connection: committed, or rolled back. */
  public <T> T inTransaction(SqlWork<T> work) throws SQLException {
    requireNonNull(work, "work is null");
    return withConnection(
        connection -> {
          connection.setAutoCommit(false);
          try {
            T result = work.apply(connection);
            connection.commit();
            return result;
          } catch (SQLException | RuntimeException failure) {
            connection.rollback();
            throw failure;
          } finally {
            connection.setAutoCommit(true);
          }
        });
  }

  private Connection idleOrNew() throws SQLException {
    IdleConnection candidate;
    while ((candidate = idle.poll()) != null) {
      boolean fresh =
          System.nanoTime() - candidate.idleSinceNanos() < VALIDATE_AFTER_IDLE.toNanos();
      if (fresh || candidate.connection().isValid(2)) {
        return candidate.connection();
      }
      closeQuietly(candidate.connection());
    }
    Connection created =
        DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    created.setAutoCommit(true);
    return created;
  }

  private void release(Connection connection, boolean healthy) {
    if (connection == null) {
      return;
    }
    try {
      if (healthy && !closed && !connection.isClosed()) {
        if (!connection.getAutoCommit()) {
          connection.rollback();
          connection.setAutoCommit(true);
        }
        if (idle.offer(new IdleConnection(connection, System.nanoTime()))) {
          return;
        }
      }
    } catch (SQLException broken) {
      // fall through: a connection we cannot reset is not reused
    }
    closeQuietly(connection);
  }

  @Override
  public void close() {
    closed = true;
    IdleConnection idleConnection;
    while ((idleConnection = idle.poll()) != null) {
      closeQuietly(idleConnection.connection());
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // already broken; nothing to recover
    }
  }
}
