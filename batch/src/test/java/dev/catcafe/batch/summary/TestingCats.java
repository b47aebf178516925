package dev.catcafe.batch.summary;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.OperationalSchema;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.PostgresSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Puts cats into an operational database, creating its tables with the shared DDL if missing. */
public final class TestingCats {
  private TestingCats() {}

  /** Inserts (or renames) the cats {@code id -> name}; archetype and colour are fixed. */
  public static void upsert(PostgresSettings postgres, Map<String, String> namesById) {
    requireNonNull(namesById, "namesById is null");
    try (Connection connection = connect(postgres)) {
      OperationalSchema.createTables(connection);
      try (PreparedStatement insert =
          connection.prepareStatement(
              "INSERT INTO cats (cat_id, name, coat_color, coat_length, age, archetype, status,"
                  + " admitted_date) VALUES (?, ?, 'black', 'short', 24, 'shy', 'available', ?)"
                  + " ON CONFLICT (cat_id) DO UPDATE SET name = EXCLUDED.name")) {
        for (Map.Entry<String, String> cat : namesById.entrySet()) {
          insert.setString(1, cat.getKey());
          insert.setString(2, cat.getValue());
          insert.setTimestamp(3, Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")));
          insert.addBatch();
        }
        insert.executeBatch();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not write cats to " + postgres.jdbcUrl(), e);
    }
  }

  /**
   * Drops the cafe tables of a test's own database, so a re-run against a platform that outlived
   * the previous run starts from nothing. Never for the shared {@code cafe} database.
   */
  public static void reset(PostgresSettings isolated) {
    try (Connection connection = connect(isolated);
        Statement statement = connection.createStatement()) {
      statement.execute("DROP TABLE IF EXISTS cats, visitors");
    } catch (SQLException e) {
      throw new IllegalStateException("could not reset " + isolated.jdbcUrl(), e);
    }
  }

  /** Drops {@code tables} of the test's own namespace (data files too). */
  public static void dropLakeTables(
      SparkSession spark, CatalogSettings catalog, LakeTable... tables) {
    for (LakeTable table : tables) {
      spark.sql("DROP TABLE IF EXISTS %s PURGE".formatted(table.qualifiedName(catalog)));
    }
  }

  public static Connection connect(PostgresSettings postgres) throws SQLException {
    return DriverManager.getConnection(postgres.jdbcUrl(), postgres.user(), postgres.password());
  }
}
