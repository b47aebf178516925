package dev.catcafe.bench;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.OperationalSchema;
import dev.catcafe.model.config.PostgresSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The cafe's operational database as the benchmarks use it: for the ids of real cats and visitors,
 * so generated events name rows that exist.
 */
public final class CafeDatabase {
  private CafeDatabase() {}

  /** Connects and creates the cafe's tables if missing (a fresh platform has none yet). */
  public static Connection open(PostgresSettings postgres) throws SQLException {
    requireNonNull(postgres, "postgres is null");
    Connection cafe =
        DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
    try (Statement statement = cafe.createStatement()) {
      for (String ddl : OperationalSchema.ddl()) {
        statement.execute(ddl);
      }
    } catch (SQLException e) {
      cafe.close();
      throw e;
    }
    return cafe;
  }

  /** The first column of every row {@code sql} returns, as text. */
  public static List<String> ids(Connection cafe, String sql) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Statement statement = cafe.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }
}
