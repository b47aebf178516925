package dev.catcafe.alertui;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/** Which database failures are worth retrying: the ones that go away when PostgreSQL is back. */
final class SqlFailures {
  private SqlFailures() {}

  /**
   * True for a failure of the connection or the server rather than of the statement: SQLSTATE class
   * 08 (connection), 53 (resources), 57P (server shutting down or restarting), 40001/40P01
   * (serialization, deadlock), JDBC's transient and recoverable exceptions (a pool timeout among
   * them), and an I/O error underneath.
   */
  static boolean isTransient(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientException
          || cause instanceof SQLRecoverableException
          || cause instanceof IOException) {
        return true;
      }
      if (cause instanceof SQLException sql && transientState(sql.getSQLState())) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static boolean transientState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.startsWith("53")
            || state.startsWith("57P")
            || state.equals("40001")
            || state.equals("40P01"));
  }
}
