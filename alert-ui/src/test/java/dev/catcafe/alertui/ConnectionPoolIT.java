package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.TestingPlatform;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The pool reuses connections, never exceeds its size, and drops a connection that broke. */
@ExtendWith(LocalPlatformExtension.class)
final class ConnectionPoolIT {
  private static PostgresSettings postgres;

  @BeforeAll
  static void start(TestingPlatform platform) {
    postgres = platform.isolatedPostgres("ui_pool");
  }

  @Test
  void sequentialWorkReusesOneConnection() throws SQLException {
    try (ConnectionPool pool = new ConnectionPool(postgres, 4, Duration.ofSeconds(5))) {
      Set<Integer> backends = new HashSet<>();
      for (int i = 0; i < 50; i++) {
        backends.add(pool.withConnection(ConnectionPoolIT::backendPid));
      }

      assertThat(backends).hasSize(1);
    }
  }

  @Test
  void aFullPoolMakesTheNextCallerWaitThenTimeOut() throws Exception {
    try (ConnectionPool pool = new ConnectionPool(postgres, 1, Duration.ofMillis(300))) {
      CountDownLatch held = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      CompletableFuture<Integer> holder =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return pool.withConnection(
                      connection -> {
                        held.countDown();
                        try {
                          release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException interrupted) {
                          Thread.currentThread().interrupt();
                        }
                        return backendPid(connection);
                      });
                } catch (SQLException failure) {
                  throw new IllegalStateException(failure);
                }
              });
      assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(() -> pool.withConnection(ConnectionPoolIT::backendPid))
          .isInstanceOf(SQLTimeoutException.class);
      release.countDown();
      int holderBackend = holder.get(10, TimeUnit.SECONDS);
      assertThat(pool.withConnection(ConnectionPoolIT::backendPid)).isEqualTo(holderBackend);
    }
  }

  @Test
  void aBrokenConnectionIsReplaced() throws SQLException {
    try (ConnectionPool pool = new ConnectionPool(postgres, 2, Duration.ofSeconds(5));
        ConnectionPool admin = new ConnectionPool(postgres, 1, Duration.ofSeconds(5))) {
      int first = pool.withConnection(ConnectionPoolIT::backendPid);
      admin.withConnection(
          connection -> {
            try (PreparedStatement kill =
                connection.prepareStatement("SELECT pg_terminate_backend(?)")) {
              kill.setInt(1, first);
              kill.execute();
            }
            return null;
          });

      // The first use after the kill may fail; the pool must not hand that connection out again.
      int second;
      try {
        second = pool.withConnection(ConnectionPoolIT::backendPid);
      } catch (SQLException expectedOnce) {
        second = pool.withConnection(ConnectionPoolIT::backendPid);
      }
      assertThat(second).isNotEqualTo(first);
    }
  }

  private static int backendPid(Connection connection) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement("SELECT pg_backend_pid()");
        ResultSet rows = select.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
