package dev.catcafe.simulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.config.PostgresRole;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.simulator.Databases;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each component's PostgreSQL role on the real platform's databases (as {@code bin/platform up}
 * bootstrapped them): it can do its job, and is refused what lies outside it. Every write that is
 * allowed runs in a transaction rolled back, so the shared cafe is left as it was.
 */
@ExtendWith(LocalPlatformExtension.class)
final class PostgresRolesIT {
  /** PostgreSQL's SQLSTATE for a missing privilege. */
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  @Test
  void noRoleOfAComponentIsASuperuserOrMayCreateRolesOrDatabases(TestingPlatform platform)
      throws SQLException {
    for (PostgresRole role : PostgresRole.values()) {
      try (Connection connection = Databases.connect(platform.postgres(role))) {
        assertThat(
                text(
                    connection,
                    "SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles"
                        + " WHERE rolname = current_user"))
            .as(role.roleName())
            .isEqualTo("f");
      }
    }
  }

  @Test
  void theSimulatorSeedsAndReadsTheRosterButCannotDropOrCreate(TestingPlatform platform)
      throws SQLException {
    try (Connection connection = transaction(platform.postgres(PostgresRole.SIMULATOR))) {
      String catId = "it-" + UUID.randomUUID();
      execute(
          connection,
          ("INSERT INTO cats (cat_id, name, archetype, status, admitted_date)"
                  + " VALUES ('%s', 'Probe', 'shy', 'available', now())")
              .formatted(catId));
      execute(
          connection,
          "INSERT INTO visitors (visitor_id, name, archetype, first_visit_date)"
              + " VALUES ('%s', 'Probe', 'casual', now())".formatted(catId));
      assertThat(
              text(
                  connection,
                  "SELECT count(*) FROM cats WHERE status = 'available' AND cat_id = '%s'"
                      .formatted(catId)))
          .isEqualTo("1");
      // --reset empties the tables, the UI's ledger of the old cafe's decisions included.
      execute(connection, "DELETE FROM cats WHERE cat_id = '%s'".formatted(catId));
      // All of it (rolled back below): the simulator may empty the ledger, not read it.
      execute(connection, "DELETE FROM adoption_decisions");
      connection.rollback();

      assertRefused(connection, "DROP TABLE cats");
      assertRefused(connection, "CREATE TABLE intruder (id INT)");
      assertRefused(connection, "UPDATE cats SET status = 'adopted'");
      assertRefused(connection, "SELECT count(*) FROM adoption_decisions");
    }
  }

  @Test
  void theAlertUiAdoptsACatButMayNotDeleteOrRenameIt(TestingPlatform platform) throws SQLException {
    try (Connection connection = transaction(platform.postgres(PostgresRole.ALERT_UI))) {
      text(connection, "SELECT count(*) FROM cats");
      text(connection, "SELECT count(*) FROM visitors");
      // Its write-back: the status and the adoption date of one cat, under a row lock.
      text(connection, "SELECT count(*) FROM (SELECT status FROM cats FOR UPDATE) locked");
      execute(
          connection,
          "UPDATE cats SET status = 'adopted', adopted_date = now() WHERE cat_id = 'none'");
      String alertId = "it-" + UUID.randomUUID();
      execute(
          connection,
          ("INSERT INTO adoption_decisions (alert_id, visitor_id, decision, cat_id, status,"
                  + " attempts) VALUES ('%s', 'v', 'none', NULL, 'no_adoption', 1)"
                  + " ON CONFLICT (alert_id) DO NOTHING")
              .formatted(alertId));
      execute(
          connection,
          "UPDATE adoption_decisions SET status = 'failed' WHERE alert_id = '%s'"
              .formatted(alertId));
      connection.rollback();

      assertRefused(connection, "DELETE FROM cats");
      assertRefused(connection, "UPDATE cats SET name = 'Renamed' WHERE cat_id = 'none'");
      assertRefused(
          connection,
          "INSERT INTO cats (cat_id, name, archetype, status, admitted_date)"
              + " VALUES ('x', 'x', 'shy', 'available', now())");
      assertRefused(connection, "DELETE FROM adoption_decisions");
    }
  }

  @Test
  void theProfileSnapshotReadsTheProfilesOnly(TestingPlatform platform) throws SQLException {
    try (Connection connection = transaction(platform.postgres(PostgresRole.PROFILE_READER))) {
      text(connection, "SELECT count(*) FROM cats");
      text(connection, "SELECT count(*) FROM visitors");
      assertRefused(connection, "SELECT count(*) FROM adoption_decisions");
      assertRefused(connection, "UPDATE visitors SET name = name");
      assertRefused(connection, "DELETE FROM cats");
    }
  }

  @Test
  void trinoAndTheAnalystsReadButCannotWrite(TestingPlatform platform) throws SQLException {
    for (PostgresRole role : new PostgresRole[] {PostgresRole.TRINO, PostgresRole.ANALYST}) {
      try (Connection connection = transaction(platform.postgres(role))) {
        text(connection, "SELECT count(*) FROM cats");
        text(connection, "SELECT count(*) FROM visitors");
        text(connection, "SELECT count(*) FROM adoption_decisions");
        assertRefused(connection, "UPDATE cats SET status = 'adopted'");
        assertRefused(connection, "DELETE FROM visitors");
        assertRefused(
            connection,
            "INSERT INTO visitors (visitor_id, name, archetype, first_visit_date)"
                + " VALUES ('x', 'x', 'casual', now())");
        assertRefused(connection, "CREATE TABLE intruder (id INT)");
      }
    }
  }

  @Test
  void theCatalogRoleOwnsItsTablesAndCannotReachTheCafe(TestingPlatform platform)
      throws SQLException {
    PostgresSettings catalog = platform.postgres(PostgresRole.ICEBERG_CATALOG);
    try (Connection connection = transaction(catalog)) {
      text(connection, "SELECT count(*) FROM iceberg_tables");
      execute(connection, "CREATE TABLE scratch_of_the_catalog (id INT)");
      execute(connection, "INSERT INTO iceberg_namespace_properties VALUES ('c', 'n', 'k', 'v')");
      connection.rollback();
    }
    // The cafe's database refuses the connection itself: the catalog cannot read cats.
    PostgresSettings intoCafe =
        new PostgresSettings(platform.postgres().jdbcUrl(), catalog.user(), catalog.password());
    assertThatThrownBy(() -> Databases.connect(intoCafe).close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("permission denied for database");
  }

  @Test
  void theAnalystsCannotReachTheCatalogsDatabase(TestingPlatform platform) {
    PostgresSettings analyst = platform.postgres(PostgresRole.ANALYST);
    PostgresSettings intoCatalog =
        new PostgresSettings(
            platform.postgres(PostgresRole.ICEBERG_CATALOG).jdbcUrl(),
            analyst.user(),
            analyst.password());
    assertThatThrownBy(() -> Databases.connect(intoCatalog).close())
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("permission denied for database");
  }

  private static Connection transaction(PostgresSettings settings) throws SQLException {
    Connection connection = Databases.connect(settings);
    connection.setAutoCommit(false);
    return connection;
  }

  /** Runs {@code sql} in a savepoint and expects PostgreSQL to refuse it for want of a grant. */
  private static void assertRefused(Connection connection, String sql) throws SQLException {
    boolean transactional = !connection.getAutoCommit();
    var savepoint = transactional ? connection.setSavepoint() : null;
    assertThatThrownBy(() -> execute(connection, sql))
        .as(sql)
        .isInstanceOfSatisfying(
            SQLException.class,
            refused -> assertThat(refused.getSQLState()).as(sql).isEqualTo(INSUFFICIENT_PRIVILEGE));
    if (transactional) {
      connection.rollback(savepoint);
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static String text(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).as(sql).isTrue();
      return rows.getString(1);
    }
  }
}
