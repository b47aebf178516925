package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import org.junit.jupiter.api.Test;

final class TestSqlFailures {
  @Test
  void anAbsentOrRestartingServerIsTransient() {
    assertThat(SqlFailures.isTransient(new SQLException("refused", "08001"))).isTrue();
    assertThat(SqlFailures.isTransient(new SQLException("connection lost", "08006"))).isTrue();
    assertThat(SqlFailures.isTransient(new SQLException("admin shutdown", "57P01"))).isTrue();
    assertThat(SqlFailures.isTransient(new SQLException("starting up", "57P03"))).isTrue();
    assertThat(SqlFailures.isTransient(new SQLException("too many clients", "53300"))).isTrue();
    assertThat(SqlFailures.isTransient(new SQLException("deadlock", "40P01"))).isTrue();
    assertThat(SqlFailures.isTransient(new SQLTimeoutException("no connection free"))).isTrue();
    assertThat(
            SqlFailures.isTransient(
                new SQLException("I/O", null, new ConnectException("Connection refused"))))
        .isTrue();
  }

  @Test
  void aBadStatementOrBadDataIsNot() {
    assertThat(SqlFailures.isTransient(new SQLException("syntax", "42601"))).isFalse();
    assertThat(SqlFailures.isTransient(new SQLException("too long", "22001"))).isFalse();
    assertThat(SqlFailures.isTransient(new SQLException("pool closed"))).isFalse();
    assertThat(SqlFailures.isTransient(new IllegalStateException("bug"))).isFalse();
  }
}
