package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catcafe.model.config.PostgresRole;
import dev.catcafe.model.jobs.CatalogEntry;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.jobs.SparkJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every component reaches PostgreSQL as its own role, with the password from that role's own
 * Secret; the superuser's Secret is read by PostgreSQL alone, whose bootstrap creates every role.
 */
final class TestPostgresCredentials {
  private static final Path MANIFESTS = ProjectFiles.manifests();

  @Test
  void everyWorkloadOfTheCatalogGetsTheCredentialsOfTheRoleItDeclares() {
    for (Map.Entry<String, List<CatalogEntry>> file :
        WorkloadEnvironment.catalogWorkloads().entrySet()) {
      Optional<PostgresRole> postgresRole = file.getValue().get(0).postgresRole();
      file.getValue().forEach(entry -> assertThat(entry.postgresRole()).isEqualTo(postgresRole));
      Optional<PostgresRole> catalogRole =
          file.getValue().stream()
              .map(CatalogEntry::catalogRole)
              .flatMap(Optional::stream)
              .findFirst();
      Map<String, List<JsonNode>> env = environment(file.getKey());
      assertCredentials(file.getKey(), env, "POSTGRES_USER", "POSTGRES_PASSWORD", postgresRole);
      assertCredentials(
          file.getKey(), env, "ICEBERG_CATALOG_USER", "ICEBERG_CATALOG_PASSWORD", catalogRole);
      String text = ProjectFiles.read(MANIFESTS.resolve(file.getKey()));
      if (text.contains(".jdbc.user:")) {
        // Spark's catalog conf names the same role the env's password is for.
        assertThat(text)
            .as(file.getKey())
            .contains(".jdbc.user: " + PostgresRole.ICEBERG_CATALOG.roleName());
      }
    }
    assertThat(JvmApp.ALERT_UI.postgresRole()).contains(PostgresRole.ALERT_UI);
    assertThat(SparkJob.PROFILE_SNAPSHOT.postgresRole()).contains(PostgresRole.PROFILE_READER);
    assertThat(SparkJob.RAW_INGESTION.postgresRole()).isEmpty();
  }

  @Test
  void trinoSupersetAndTheNotebooksReadTheirOwnRolesSecrets() {
    String trino = ProjectFiles.read(MANIFESTS.resolve(Manifests.TRINO_VALUES));
    assertThat(trino)
        .contains("connection-user=" + PostgresRole.TRINO.roleName())
        .contains(
            "iceberg.jdbc-catalog.connection-user=" + PostgresRole.ICEBERG_CATALOG.roleName());
    Map<String, List<JsonNode>> trinoEnv = environment(Manifests.TRINO_VALUES);
    assertThat(secretOf(trinoEnv, "POSTGRES_PASSWORD"))
        .containsOnly(PostgresRole.TRINO.kubernetesSecret());
    assertThat(secretOf(trinoEnv, "ICEBERG_CATALOG_PASSWORD"))
        .containsOnly(PostgresRole.ICEBERG_CATALOG.kubernetesSecret());

    Map<String, List<JsonNode>> superset = environment("helm/superset-values.yaml");
    assertThat(secretOf(superset, "DB_PASS"))
        .containsOnly(PostgresRole.SUPERSET.kubernetesSecret());
    assertThat(values(superset, "DB_USER")).containsOnly(PostgresRole.SUPERSET.roleName());

    JsonNode notebookEnv = tree(Manifests.JUPYTERHUB_VALUES).path("singleuser").path("extraEnv");
    assertThat(notebookEnv.path("POSTGRES_USER").asText())
        .isEqualTo(PostgresRole.ANALYST.roleName());
    assertThat(notebookEnv.path("POSTGRES_PASSWORD").findValue("name").asText())
        .isEqualTo(PostgresRole.ANALYST.kubernetesSecret());
    assertThat(notebookEnv.path("ICEBERG_CATALOG_PASSWORD").findValue("name").asText())
        .isEqualTo(PostgresRole.ICEBERG_CATALOG.kubernetesSecret());
  }

  @Test
  void onlyPostgresqlReadsTheSuperusersSecretAndNoPasswordIsShared() {
    List<String> readers = new ArrayList<>();
    List<String> sharedPasswords = new ArrayList<>();
    for (Path file : ProjectFiles.filesUnder(MANIFESTS, ".yaml")) {
      String source = MANIFESTS.relativize(file).toString();
      for (JsonNode document : documents(source)) {
        for (JsonNode reference : document.findValues("secretKeyRef")) {
          String secret = reference.path("name").asText();
          if (secret.equals(PostgresInit.SUPERUSER_SECRET)) {
            readers.add(source + " " + document.path("kind").asText());
          }
          if (secret.equals(ClusterProfile.CREDENTIALS_SECRET)
              && reference.path("key").asText().contains("postgres")) {
            sharedPasswords.add(source);
          }
        }
      }
    }
    assertThat(readers).containsExactly("platform/postgresql.yaml StatefulSet");
    assertThat(sharedPasswords).isEmpty();
  }

  @Test
  void postgresqlBootstrapsEveryRoleWithThePasswordOfItsOwnSecret() {
    JsonNode statefulSet =
        documents("platform/postgresql.yaml").stream()
            .filter(document -> document.path("kind").asText().equals("StatefulSet"))
            .findFirst()
            .orElseThrow();
    Map<String, List<JsonNode>> env = new LinkedHashMap<>();
    WorkloadEnvironment.collect(statefulSet, env);
    String script = PostgresInit.script();
    for (PostgresRole role : PostgresRole.values()) {
      assertThat(secretOf(env, role.passwordVariable()))
          .as(role.roleName())
          .containsOnly(role.kubernetesSecret());
      assertThat(script)
          .contains("CREATE ROLE " + role.roleName() + " LOGIN")
          .contains("\\getenv " + role.roleName() + "_password " + role.passwordVariable())
          .contains(
              "ALTER ROLE %s PASSWORD :'%s_password'".formatted(role.roleName(), role.roleName()));
    }
    assertThat(secretOf(env, "POSTGRES_PASSWORD")).containsOnly(PostgresInit.SUPERUSER_SECRET);
    assertThat(statefulSet.toString()).contains(PostgresInit.CONFIG_MAP);
    assertThat(ProjectFiles.read(MANIFESTS.resolve("generated/postgresql-init.yaml")))
        .contains("name: " + PostgresInit.CONFIG_MAP);
  }

  private static void assertCredentials(
      String file,
      Map<String, List<JsonNode>> env,
      String userVariable,
      String passwordVariable,
      Optional<PostgresRole> role) {
    if (role.isEmpty()) {
      assertThat(env).as(file).doesNotContainKeys(userVariable, passwordVariable);
      return;
    }
    assertThat(values(env, userVariable)).as(file).containsOnly(role.get().roleName());
    assertThat(secretOf(env, passwordVariable))
        .as(file)
        .containsOnly(role.get().kubernetesSecret());
  }

  /** The Secrets the entries named {@code variable} read. */
  private static List<String> secretOf(Map<String, List<JsonNode>> env, String variable) {
    assertThat(env).containsKey(variable);
    return WorkloadEnvironment.secrets(env.get(variable));
  }

  private static List<String> values(Map<String, List<JsonNode>> env, String variable) {
    assertThat(env).containsKey(variable);
    return WorkloadEnvironment.values(env.get(variable));
  }

  /** Every {@code {name, value|valueFrom}} entry of a file, by name. */
  private static Map<String, List<JsonNode>> environment(String file) {
    return WorkloadEnvironment.of(MANIFESTS, file);
  }

  private static JsonNode tree(String file) {
    return documents(file).get(0);
  }

  private static List<JsonNode> documents(String file) {
    return WorkloadEnvironment.documents(MANIFESTS, file);
  }
}
