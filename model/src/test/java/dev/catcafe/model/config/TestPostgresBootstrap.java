package dev.catcafe.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The grants say each role's job; the real server proves them (simulator's PostgresRolesIT). */
final class TestPostgresBootstrap {
  @Test
  void theUiMayUpdateOnlyACatsStatusAndAdoptionDate() {
    List<String> cafe = PostgresBootstrap.databaseStatements(PostgresBootstrap.CAFE_DATABASE);
    assertThat(cafe)
        .contains("GRANT UPDATE (status, adopted_date) ON cats TO cafe_alert_ui")
        .noneMatch(sql -> sql.matches("GRANT .*\\bUPDATE\\b(?! \\().* ON cats.*"))
        .noneMatch(sql -> sql.contains("ALL PRIVILEGES"));
  }

  @Test
  void theReadersGetSelectOnlyAndNobodyButTheBootstrapCreatesInTheCafe() {
    List<String> cafe = PostgresBootstrap.databaseStatements(PostgresBootstrap.CAFE_DATABASE);
    for (PostgresRole reader :
        List.of(PostgresRole.TRINO, PostgresRole.ANALYST, PostgresRole.PROFILE_READER)) {
      assertThat(cafe)
          .filteredOn(sql -> sql.startsWith("GRANT") && sql.contains(reader.roleName()))
          .allMatch(sql -> sql.matches("GRANT (SELECT|CONNECT|USAGE) ON .*"), reader.roleName());
    }
    assertThat(cafe)
        .contains(
            "REVOKE CREATE ON SCHEMA public FROM PUBLIC", "REVOKE ALL ON DATABASE cafe FROM PUBLIC")
        .noneMatch(sql -> sql.startsWith("GRANT CREATE"));
  }

  @Test
  void theCatalogAndSupersetOwnTheirDatabasesAndNothingElse() {
    assertThat(PostgresBootstrap.databaseStatements(PostgresBootstrap.CATALOG_DATABASE))
        .contains("ALTER DATABASE iceberg_catalog OWNER TO cafe_iceberg")
        .noneMatch(sql -> sql.contains("cats"));
    assertThat(PostgresBootstrap.databases().get(PostgresBootstrap.SUPERSET_DATABASE))
        .contains(PostgresRole.SUPERSET);
    assertThat(PostgresRole.of(PostgresBootstrap.CAFE_DATABASE))
        .doesNotContain(PostgresRole.ICEBERG_CATALOG, PostgresRole.SUPERSET);
    assertThatThrownBy(() -> PostgresBootstrap.databaseStatements("elsewhere"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rolesAreCreatedOnceWithoutAnyPowerAndTheirSecretsAreTheirOwn() {
    assertThat(PostgresBootstrap.createRoles())
        .hasSize(2 * PostgresRole.values().length)
        .allMatch(sql -> !sql.contains("PASSWORD"))
        .filteredOn(sql -> sql.startsWith("ALTER ROLE"))
        .allMatch(sql -> sql.contains("NOSUPERUSER NOCREATEDB NOCREATEROLE"));
    assertThat(PostgresRole.values())
        .extracting(PostgresRole::kubernetesSecret)
        .doesNotHaveDuplicates()
        .allMatch(secret -> secret.matches("catcafe-postgres-[a-z-]+"));
    assertThat(PostgresBootstrap.setPassword(PostgresRole.TRINO, ":'p'"))
        .isEqualTo("ALTER ROLE cafe_trino PASSWORD :'p'");
  }
}
