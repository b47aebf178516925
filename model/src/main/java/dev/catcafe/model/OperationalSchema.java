package dev.catcafe.model;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operational PostgreSQL tables the cafe runs on (spec §1.2): cat and visitor profiles. The
 * platform's bootstrap creates them ({@code PostgresBootstrap}; the simulator's seed creates what
 * is missing in a database of its own), the producer and the alert UI read them, only the UI writes
 * them. The UI also keeps its ledger of adoption decisions here ({@link #ADOPTION_DECISIONS_DDL}),
 * beside the cats it changes, so a decision and its write-back commit in one transaction.
 */
public final class OperationalSchema {
  public static final String CATS_TABLE = "cats";
  public static final String VISITORS_TABLE = "visitors";
  public static final String ADOPTION_DECISIONS_TABLE = "adoption_decisions";

  public static final String CATS_DDL =
      """
      CREATE TABLE IF NOT EXISTS cats (
        cat_id VARCHAR(50) PRIMARY KEY,
        name VARCHAR(50) NOT NULL,
        coat_color VARCHAR(50),
        coat_length VARCHAR(50),
        age INT,
        archetype VARCHAR(50) NOT NULL,
        status VARCHAR(20) NOT NULL,
        admitted_date TIMESTAMP NOT NULL,
        adopted_date TIMESTAMP,
        last_checkup_time TIMESTAMP
      )""";

  public static final String VISITORS_DDL =
      """
      CREATE TABLE IF NOT EXISTS visitors (
        visitor_id VARCHAR(50) PRIMARY KEY,
        name VARCHAR(50) NOT NULL,
        archetype VARCHAR(50) NOT NULL,
        first_visit_date TIMESTAMP NOT NULL
      )""";

  /**
   * One row per potential-adopter alert the UI has decided on, keyed by the alert's id: a
   * redelivered or replayed alert finds its row and changes nothing. {@code decision} is {@code
   * adopt} (of {@code cat_id}) or {@code none}; {@code status} says what the write-back did ({@code
   * adopted}, {@code already_adopted}, {@code cat_not_found}, {@code no_adoption}) or {@code
   * failed} with its {@code reason}; {@code attempts} counts the tries it took.
   */
  public static final String ADOPTION_DECISIONS_DDL =
      """
      CREATE TABLE IF NOT EXISTS adoption_decisions (
        alert_id TEXT PRIMARY KEY,
        visitor_id TEXT,
        decision VARCHAR(10) NOT NULL,
        cat_id TEXT,
        status VARCHAR(20) NOT NULL,
        reason TEXT,
        attempts INT NOT NULL,
        decided_at TIMESTAMP NOT NULL DEFAULT now()
      )""";

  /** The columns of {@code cats}, in table order. */
  public static final List<String> CATS_COLUMNS =
      List.of(
          "cat_id",
          "name",
          "coat_color",
          "coat_length",
          "age",
          "archetype",
          "status",
          "admitted_date",
          "adopted_date",
          "last_checkup_time");

  /** The columns of {@code visitors}, in table order. */
  public static final List<String> VISITORS_COLUMNS =
      List.of("visitor_id", "name", "archetype", "first_visit_date");

  private OperationalSchema() {}

  public static List<String> ddl() {
    return List.of(CATS_DDL, VISITORS_DDL, ADOPTION_DECISIONS_DDL);
  }

  /**
   * Creates the tables that do not exist yet, on {@code connection}'s current transaction. A table
   * that exists is not named in any DDL: the components' roles may not create in the schema, and
   * PostgreSQL checks that right even for {@code CREATE TABLE IF NOT EXISTS}.
   */
  public static void createTables(Connection connection) throws SQLException {
    requireNonNull(connection, "connection is null");
    Map<String, String> ddlByTable = new LinkedHashMap<>();
    ddlByTable.put(CATS_TABLE, CATS_DDL);
    ddlByTable.put(VISITORS_TABLE, VISITORS_DDL);
    ddlByTable.put(ADOPTION_DECISIONS_TABLE, ADOPTION_DECISIONS_DDL);
    for (Map.Entry<String, String> table : ddlByTable.entrySet()) {
      if (!exists(connection, table.getKey())) {
        try (Statement statement = connection.createStatement()) {
          statement.execute(table.getValue());
        }
      }
    }
  }

  /** Whether {@code table} exists on the connection's search path. */
  public static boolean exists(Connection connection, String table) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?)")) {
      query.setString(1, table);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() && rows.getString(1) != null;
      }
    }
  }
}
