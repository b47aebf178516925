package dev.catcafe.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.config.PostgresSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The platform's life cycle on real services (PostgreSQL and Kafka; Trino's start is covered by the
 * foundation IT): up is idempotent, down keeps the data, clean wipes it.
 */
final class LocalPlatformIT {
  private static LocalPlatform platform;

  @BeforeAll
  static void createPlatform() {
    Path root = Path.of(System.getenv().getOrDefault("CATCAFE_PROJECT_ROOT", "../.."));
    Path home =
        root.toAbsolutePath().resolve(".work/it-lifecycle-" + ProcessHandle.current().pid());
    platform =
        new LocalPlatform(
            PlatformConfig.fromEnvironment(root, Map.of()).withHome(home).withFreePorts(),
            Map.of());
  }

  @AfterAll
  static void wipe() {
    platform.clean();
    assertThat(platform.config().home()).doesNotExist();
  }

  @Test
  void upIsIdempotentAndDownKeepsTheData() throws Exception {
    PlatformEndpoints first = platform.up(false);
    assertThat(platform.status())
        .containsEntry("postgres", true)
        .containsEntry("kafka", true)
        .containsEntry("s3", true);
    assertThat(platform.config().envFile()).exists();
    // The Spark jobs' event logs go under the home, where the History Server reads them.
    assertThat(PlatformEndpoints.readVariables(platform.config().envFile()))
        .containsEntry("SPARK_EVENT_LOG_DIR", platform.config().sparkEventLogUri());
    assertThat(platform.config().sparkEventLog()).isDirectory();
    long kafkaPid = pid("kafka");
    long storePid = pid("s3");
    // The object store's keys stay the same across restarts (the secrets file keeps them).
    assertThat(first.objectStore().endpoint())
        .isEqualTo("http://127.0.0.1:" + platform.config().s3Port());
    execute(first.postgres(), "CREATE TABLE kept (id INT); INSERT INTO kept VALUES (42)");

    // A second `up` finds the services running and starts no second copy.
    platform.up(false);
    assertThat(pid("kafka")).isEqualTo(kafkaPid);
    assertThat(pid("s3")).isEqualTo(storePid);

    platform.down();
    assertThat(platform.status())
        .containsEntry("postgres", false)
        .containsEntry("kafka", false)
        .containsEntry("s3", false);

    PlatformEndpoints again = platform.up(false);
    assertThat(again.postgres()).isEqualTo(first.postgres());
    assertThat(again.objectStore()).isEqualTo(first.objectStore());
    assertThat(queryInt(again.postgres(), "SELECT id FROM kept")).isEqualTo(42);
  }

  @Test
  void aStartThatFailsPartWayStopsWhatItStarted() throws Exception {
    LocalPlatform refused =
        new LocalPlatform(
            platform
                .config()
                .withHome(
                    platform
                        .config()
                        .home()
                        .resolveSibling(platform.config().home().getFileName() + "-refused"))
                .withFreePorts(),
            Map.of());
    try {
      // Kafka data formatted before the broker took SCRAM: the broker refuses it, after the
      // object store and PostgreSQL have started.
      Path kafkaData = refused.config().home().resolve("kafka/data");
      Files.createDirectories(kafkaData);
      Files.writeString(kafkaData.resolve("meta.properties"), "version=1\n");

      assertThatThrownBy(() -> refused.up(false))
          .isInstanceOf(PlatformException.class)
          .hasMessageContaining("predates the broker's authentication");

      assertThat(refused.status())
          .containsEntry("s3", false)
          .containsEntry("postgres", false)
          .containsEntry("kafka", false);
      Ports.requireFree(refused.config().postgresPort(), "PostgreSQL", "POSTGRES_PORT");
      Ports.requireFree(refused.config().s3Port(), "the S3 store", "S3_PORT");
    } finally {
      refused.clean();
    }
  }

  private static long pid(String service) throws Exception {
    return Long.parseLong(
        Files.readString(platform.config().runDirectory().resolve(service + ".pid")).strip());
  }

  private static void execute(PostgresSettings settings, String sql) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  private static int queryInt(PostgresSettings settings, String sql) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      assertThat(result.next()).isTrue();
      return result.getInt(1);
    }
  }
}
