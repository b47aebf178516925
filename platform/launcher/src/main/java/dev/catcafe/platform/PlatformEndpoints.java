package dev.catcafe.platform;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to reach a running platform: what {@code platform.env} holds, in the environment variables
 * every job and tool reads its settings from.
 */
public record PlatformEndpoints(
    KafkaSettings kafka, PostgresSettings postgres, CatalogSettings catalog, String trinoJdbcUrl) {
  public PlatformEndpoints {
    requireNonNull(kafka, "kafka is null");
    requireNonNull(postgres, "postgres is null");
    requireNonNull(catalog, "catalog is null");
    requireNonNull(trinoJdbcUrl, "trinoJdbcUrl is null");
  }

  /** The variables for these settings, as the shared command-line options read them. */
  public static Map<String, String> environment(
      KafkaSettings kafka, PostgresSettings postgres, CatalogSettings catalog) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
    env.put("KAFKA_TOPIC_PREFIX", kafka.topicPrefix());
    env.put("POSTGRES_URL", postgres.jdbcUrl());
    env.put("POSTGRES_USER", postgres.user());
    env.put("POSTGRES_PASSWORD", postgres.password());
    env.put("ICEBERG_CATALOG_NAME", catalog.name());
    env.put("ICEBERG_CATALOG_TYPE", catalog.type().wireName());
    env.put("ICEBERG_CATALOG_URI", catalog.uri());
    env.put("ICEBERG_CATALOG_USER", catalog.user());
    env.put("ICEBERG_CATALOG_PASSWORD", catalog.password());
    env.put("ICEBERG_WAREHOUSE", catalog.warehouse());
    env.put("LAKEHOUSE_NAMESPACE", catalog.namespace());
    return env;
  }

  public Map<String, String> environment() {
    Map<String, String> env = environment(kafka, postgres, catalog);
    env.put("TRINO_URL", trinoJdbcUrl);
    return env;
  }

  /** Writes the env file (owner-only: it holds passwords). */
  public void write(Path file, PlatformConfig config) {
    StringBuilder text =
        new StringBuilder("# The local platform's endpoints. Source it: set -a; . ")
            .append(file)
            .append("; set +a\n");
    environment().forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
    // The ports too, so a platform started on free ports can be found and stopped from the file.
    text.append("CATCAFE_HOME=").append(config.home()).append('\n');
    text.append("POSTGRES_PORT=").append(config.postgresPort()).append('\n');
    text.append("KAFKA_PORT=").append(config.kafkaPort()).append('\n');
    text.append("KAFKA_CONTROLLER_PORT=").append(config.kafkaControllerPort()).append('\n');
    text.append("TRINO_PORT=").append(config.trinoPort()).append('\n');
    // Every Spark job started with this file writes its event log there (EventLogOption).
    text.append("SPARK_EVENT_LOG_DIR=").append(config.sparkEventLogUri()).append('\n');
    text.append("PROMETHEUS_PORT=").append(config.prometheusPort()).append('\n');
    AtomicFiles.replace(file, text.toString(), true);
  }

  /** Reads an env file {@link #write} wrote. */
  public static PlatformEndpoints read(Path file) {
    return fromEnvironment(readVariables(file));
  }

  /** The variables of an env file {@link #write} wrote. */
  public static Map<String, String> readVariables(Path file) {
    Map<String, String> env = new LinkedHashMap<>();
    try {
      List<String> lines = Files.readAllLines(file);
      for (String line : lines) {
        int equals = line.indexOf('=');
        if (!line.startsWith("#") && equals > 0) {
          env.put(line.substring(0, equals), line.substring(equals + 1));
        }
      }
    } catch (IOException e) {
      throw new PlatformException("cannot read the platform's env file " + file, e);
    }
    return env;
  }

  private static PlatformEndpoints fromEnvironment(Map<String, String> env) {
    return new PlatformEndpoints(
        new KafkaSettings(env.get("KAFKA_BOOTSTRAP_SERVERS"), env.get("KAFKA_TOPIC_PREFIX")),
        new PostgresSettings(
            env.get("POSTGRES_URL"), env.get("POSTGRES_USER"), env.get("POSTGRES_PASSWORD")),
        new CatalogSettings(
            env.get("ICEBERG_CATALOG_NAME"),
            CatalogType.parse(env.get("ICEBERG_CATALOG_TYPE")),
            env.get("ICEBERG_CATALOG_URI"),
            env.get("ICEBERG_CATALOG_USER"),
            env.get("ICEBERG_CATALOG_PASSWORD"),
            env.get("ICEBERG_WAREHOUSE"),
            env.get("LAKEHOUSE_NAMESPACE")),
        env.get("TRINO_URL"));
  }
}
