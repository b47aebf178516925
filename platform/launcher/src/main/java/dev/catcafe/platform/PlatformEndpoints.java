package dev.catcafe.platform;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.LakeStorage;
import dev.catcafe.model.config.ObjectStoreSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.model.config.TrinoSettings;
import dev.catcafe.model.config.TrinoUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How to reach a running platform: what {@code platform.env} holds, in the environment variables
 * every job and tool reads its settings from.
 *
 * @param objectStore the platform's S3-compatible store, which runs whichever storage the lake's
 *     warehouse uses (the catalog's own {@code objectStore} is set only for an {@code s3://} one)
 * @param trinoTrustStore the PEM certificate of Trino's HTTPS port
 * @param trinoPasswords the password of each Trino user a client may connect as (not the launcher's
 *     own {@link TrinoUser#PLATFORM})
 */
public record PlatformEndpoints(
    KafkaSettings kafka,
    PostgresSettings postgres,
    CatalogSettings catalog,
    String trinoJdbcUrl,
    ObjectStoreSettings objectStore,
    String trinoTrustStore,
    Map<TrinoUser, String> trinoPasswords) {
  public PlatformEndpoints {
    requireNonNull(kafka, "kafka is null");
    requireNonNull(postgres, "postgres is null");
    requireNonNull(catalog, "catalog is null");
    requireNonNull(trinoJdbcUrl, "trinoJdbcUrl is null");
    requireNonNull(objectStore, "objectStore is null");
    requireNonNull(trinoTrustStore, "trinoTrustStore is null");
    trinoPasswords = Map.copyOf(requireNonNull(trinoPasswords, "trinoPasswords is null"));
  }

  /** How {@code user} connects to the platform's Trino. */
  public TrinoSettings trino(TrinoUser user) {
    String password = trinoPasswords.get(requireNonNull(user, "user is null"));
    if (password == null) {
      throw new IllegalArgumentException(
          "the platform hands out no password of Trino user " + user);
    }
    return new TrinoSettings(trinoJdbcUrl, user.userName(), password, trinoTrustStore);
  }

  /** The Trino users whose passwords the env file carries. */
  public static List<TrinoUser> clientTrinoUsers() {
    return List.of(TrinoUser.ANALYST, TrinoUser.VIEW_OWNER, TrinoUser.BENCH);
  }

  /** The variables for these settings, as the shared command-line options read them. */
  public static Map<String, String> environment(
      KafkaSettings kafka, PostgresSettings postgres, CatalogSettings catalog) {
    Map<String, String> env = new LinkedHashMap<>();
    env.putAll(kafka.environment());
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
    catalog.objectStore().ifPresent(store -> env.putAll(objectStoreEnvironment(store)));
    return env;
  }

  /** The variables the jobs' {@code --s3-*} options and the notebooks read. */
  private static Map<String, String> objectStoreEnvironment(ObjectStoreSettings store) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("S3_ENDPOINT", store.endpoint());
    env.put("S3_REGION", store.region());
    env.put("S3_ACCESS_KEY_ID", store.accessKeyId());
    env.put("S3_SECRET_ACCESS_KEY", store.secretAccessKey());
    return env;
  }

  public Map<String, String> environment() {
    Map<String, String> env = environment(kafka, postgres, catalog);
    env.put(TrinoSettings.URL_VARIABLE, trinoJdbcUrl);
    env.put(TrinoSettings.TRUSTSTORE_VARIABLE, trinoTrustStore);
    // A tool started with this environment is the read-only analyst unless it names another user.
    for (TrinoUser user : clientTrinoUsers()) {
      env.put(user.userVariable(), user.userName());
      env.put(user.passwordVariable(), trinoPasswords.get(user));
    }
    // The platform's store, also when the lake is on local disk: tools and tests can reach it.
    env.putAll(objectStoreEnvironment(objectStore));
    env.put("LAKE_STORAGE", catalog.storage().wireName());
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
    // The benchmark peer's unauthenticated listener (bin/bench-vs-peer), when it is open.
    config
        .kafkaPeerPort()
        .ifPresent(
            port ->
                text.append("KAFKA_PEER_BOOTSTRAP_SERVERS=127.0.0.1:").append(port).append('\n'));
    text.append("TRINO_PORT=").append(config.trinoPort()).append('\n');
    // Every Spark job started with this file writes its event log there (EventLogOption).
    text.append("SPARK_EVENT_LOG_DIR=").append(config.sparkEventLogUri()).append('\n');
    text.append("PROMETHEUS_PORT=").append(config.prometheusPort()).append('\n');
    text.append("S3_PORT=").append(config.s3Port()).append('\n');
    text.append("S3_LAKE_BUCKET=").append(PlatformConfig.LAKE_BUCKET).append('\n');
    // Where the applications bin/run starts listen (their *_HOST settings, SPARK_LOCAL_IP).
    text.append(PlatformConfig.BIND_HOST_VARIABLE)
        .append('=')
        .append(config.bindHost())
        .append('\n');
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
    ObjectStoreSettings store =
        new ObjectStoreSettings(
            env.get("S3_ENDPOINT"),
            env.get("S3_REGION"),
            env.get("S3_ACCESS_KEY_ID"),
            env.get("S3_SECRET_ACCESS_KEY"));
    String warehouse = env.get("ICEBERG_WAREHOUSE");
    return new PlatformEndpoints(
        KafkaSettings.fromEnvironment(env),
        new PostgresSettings(
            env.get("POSTGRES_URL"), env.get("POSTGRES_USER"), env.get("POSTGRES_PASSWORD")),
        new CatalogSettings(
            env.get("ICEBERG_CATALOG_NAME"),
            CatalogType.parse(env.get("ICEBERG_CATALOG_TYPE")),
            env.get("ICEBERG_CATALOG_URI"),
            env.get("ICEBERG_CATALOG_USER"),
            env.get("ICEBERG_CATALOG_PASSWORD"),
            warehouse,
            env.get("LAKEHOUSE_NAMESPACE"),
            LakeStorage.of(warehouse) == LakeStorage.S3 ? Optional.of(store) : Optional.empty()),
        env.get(TrinoSettings.URL_VARIABLE),
        store,
        env.getOrDefault(TrinoSettings.TRUSTSTORE_VARIABLE, ""),
        trinoPasswords(env));
  }

  private static Map<TrinoUser, String> trinoPasswords(Map<String, String> env) {
    Map<TrinoUser, String> passwords = new EnumMap<>(TrinoUser.class);
    for (TrinoUser user : clientTrinoUsers()) {
      passwords.put(user, env.getOrDefault(user.passwordVariable(), ""));
    }
    return passwords;
  }
}
