package dev.catcafe.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The Trino users, their client settings and the access rules, without a server. */
final class TestTrinoSecurityModel {
  @Test
  void aClientReadsItsOwnUsersVariablesAndConnectsOverHttpsWithTheCertificate() {
    Map<String, String> env =
        Map.of(
            "TRINO_URL", "jdbc:trino://127.0.0.1:8443",
            "TRINO_TRUSTSTORE", "/home/cafe/trino-tls.pem",
            "TRINO_PASSWORD", "analyst-secret",
            "TRINO_VIEWS_PASSWORD", "owner-secret");

    TrinoSettings analyst = TrinoSettings.fromEnvironment(env, TrinoUser.ANALYST);
    TrinoSettings owner = TrinoSettings.fromEnvironment(env, TrinoUser.VIEW_OWNER);

    assertThat(analyst.user()).isEqualTo("analyst");
    assertThat(analyst.password()).isEqualTo("analyst-secret");
    assertThat(owner.user()).isEqualTo("view_owner");
    assertThat(owner.password()).isEqualTo("owner-secret");
    assertThat(analyst.serverUri()).hasToString("https://127.0.0.1:8443");
    Properties properties = analyst.connectionProperties();
    assertThat(properties)
        .containsEntry("user", "analyst")
        .containsEntry("password", "analyst-secret")
        .containsEntry("SSL", "true")
        .containsEntry("SSLTrustStorePath", "/home/cafe/trino-tls.pem");
    assertThat(analyst.toString()).doesNotContain("analyst-secret").contains("<redacted>");
  }

  @Test
  void withoutPasswordOrCertificateItIsPlainHttpAndABadUrlNamesTheSetting() {
    TrinoSettings plain =
        TrinoSettings.fromEnvironment(
            Map.of("TRINO_URL", "jdbc:trino://trino:8080"), TrinoUser.BENCH);
    assertThat(plain.user()).isEqualTo("bench");
    assertThat(plain.usesTls()).isFalse();
    assertThat(plain.serverUri()).hasToString("http://trino:8080");
    assertThat(plain.connectionProperties()).doesNotContainKeys("password", "SSL");

    assertThatThrownBy(
            () -> TrinoSettings.fromEnvironment(Map.of("TRINO_URL", "http://x"), TrinoUser.ANALYST))
        .hasMessageContaining("TRINO_URL");
  }

  @Test
  void theRulesAreJsonThatGrantsTheAnalystReadsOnlyAndNobodyAProcedure() throws Exception {
    JsonNode rules = new ObjectMapper().readTree(TrinoAccessRules.json());

    JsonNode analystCatalogs = ruleFor(rules.path("catalogs"), "analyst", "iceberg");
    assertThat(analystCatalogs.path("allow").asText()).isEqualTo("read-only");
    assertThat(privileges(ruleFor(rules.path("tables"), "analyst", "postgresql")))
        .containsExactly("SELECT");
    // The view owner reads with GRANT_SELECT (what a definer view needs) and owns only analytics.
    assertThat(privileges(ruleFor(rules.path("tables"), "view_owner", "postgresql")))
        .containsExactlyInAnyOrder("SELECT", "GRANT_SELECT");
    assertThat(rules.path("schemas").get(0).path("schema").asText()).isEqualTo(".*_analytics");
    // Views and benchmark tables are made through the writable lake catalog, which only their
    // makers may use: the analyst has no rule for it, so the last rule (none) applies.
    assertThat(rules.path("schemas").get(0).path("catalog").asText()).isEqualTo("iceberg_rw");
    assertThatThrownBy(() -> ruleFor(rules.path("catalogs"), "analyst", "iceberg_rw"))
        .hasMessageContaining("no rule for analyst on iceberg_rw");
    assertThat(ruleFor(rules.path("catalogs"), "view_owner", "iceberg_rw").path("allow").asText())
        .isEqualTo("all");
    // One procedure rule, granting nothing: CALL is refused to every user.
    assertThat(rules.path("procedures")).hasSize(1);
    assertThat(rules.path("procedures").get(0).path("privileges")).isEmpty();
    // The last rule of each list matches everyone and grants nothing.
    assertThat(rules.path("catalogs").get(rules.path("catalogs").size() - 1).path("allow").asText())
        .isEqualTo("none");
    for (TrinoUser user : TrinoUser.values()) {
      assertThat(TrinoAccessRules.json()).contains(user.userName());
    }
  }

  private static JsonNode ruleFor(JsonNode rules, String user, String catalog) {
    for (JsonNode rule : rules) {
      if (rule.has("user")
          && user.matches(rule.path("user").asText())
          && catalog.matches(rule.path("catalog").asText(".*"))) {
        return rule;
      }
    }
    throw new AssertionError("no rule for " + user + " on " + catalog);
  }

  private static List<String> privileges(JsonNode rule) {
    List<String> privileges = new ArrayList<>();
    rule.path("privileges").forEach(privilege -> privileges.add(privilege.asText()));
    return privileges;
  }
}
