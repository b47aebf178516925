package dev.catcafe.platform.testing;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.KafkaPrincipal;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.LakeStorage;
import dev.catcafe.model.config.ObjectStoreSettings;
import dev.catcafe.model.config.PostgresRole;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.model.config.TrinoSettings;
import dev.catcafe.model.config.TrinoUser;
import dev.catcafe.platform.LocalPlatform;
import dev.catcafe.platform.PlatformConfig;
import dev.catcafe.platform.PlatformEndpoints;
import dev.catcafe.platform.TopicAdmin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The real local platform for integration tests: PostgreSQL, a Kafka broker, the Iceberg JDBC
 * catalog, and Trino (started on first use), on free ports, once per test run.
 *
 * <p>{@code make test} starts one platform for the whole build and names its home in {@code
 * CATCAFE_TEST_PLATFORM_HOME}; tests then attach to it. Run alone (from an IDE), a test JVM starts
 * its own platform and wipes it when the JVM ends. Either way tests isolate themselves through
 * {@link #isolatedKafka}, {@link #isolatedPostgres} and {@link #catalog} namespaces.
 */
public final class TestingPlatform implements AutoCloseable {
  private static TestingPlatform shared;

  private final LocalPlatform platform;
  private final PlatformEndpoints endpoints;
  private final boolean ownsPlatform;
  private final AtomicLong scratchCounter = new AtomicLong();
  private boolean trinoStarted;

  private TestingPlatform(
      LocalPlatform platform, PlatformEndpoints endpoints, boolean ownsPlatform) {
    this.platform = requireNonNull(platform, "platform is null");
    this.endpoints = requireNonNull(endpoints, "endpoints is null");
    this.ownsPlatform = ownsPlatform;
  }

  /** The platform of this test run: attached if {@code make test} started one, else started. */
  public static synchronized TestingPlatform shared() {
    if (shared == null) {
      shared = attachOrStart();
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "testing-platform-stop"));
    }
    return shared;
  }

  private static TestingPlatform attachOrStart() {
    Map<String, String> env = System.getenv();
    Path root = projectRoot();
    String attachedHome = env.get("CATCAFE_TEST_PLATFORM_HOME");
    if (attachedHome != null && !attachedHome.isBlank()) {
      Path envFile = Path.of(attachedHome).resolve("platform.env");
      Map<String, String> variables = new LinkedHashMap<>(env);
      variables.putAll(PlatformEndpoints.readVariables(envFile));
      LocalPlatform platform =
          new LocalPlatform(PlatformConfig.fromEnvironment(root, variables), variables);
      TestingPlatform attached =
          new TestingPlatform(platform, PlatformEndpoints.read(envFile), false);
      attached.trinoStarted = platform.status().get("trino");
      return attached;
    }
    Path home = root.resolve(".work/it-platform-" + ProcessHandle.current().pid());
    LocalPlatform platform =
        new LocalPlatform(
            PlatformConfig.fromEnvironment(root, env).withHome(home).withFreePorts(), env);
    return new TestingPlatform(platform, platform.up(false), true);
  }

  /**
   * A platform of the calling test's own (PostgreSQL, Kafka and the Iceberg catalog on free ports
   * in a fresh home; Trino only on first use), for a test that takes a service down: doing that to
   * the shared platform would fail every other test of the run. {@link #close} wipes it.
   */
  public static TestingPlatform startPrivate(String name) {
    requireNonNull(name, "name is null");
    Path root = projectRoot();
    Map<String, String> env = System.getenv();
    Path home = root.resolve(".work/it-" + name + "-" + ProcessHandle.current().pid());
    LocalPlatform platform =
        new LocalPlatform(
            PlatformConfig.fromEnvironment(root, env).withHome(home).withFreePorts(), env);
    try {
      return new TestingPlatform(platform, platform.up(false), true);
    } catch (RuntimeException e) {
      platform.clean();
      throw e;
    }
  }

  /** The checkout: {@code CATCAFE_PROJECT_ROOT} (failsafe sets it), else the nearest mvnw. */
  public static Path projectRoot() {
    String configured = System.getenv("CATCAFE_PROJECT_ROOT");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path directory = Path.of("").toAbsolutePath();
    while (directory != null && !Files.exists(directory.resolve("mvnw"))) {
      directory = directory.getParent();
    }
    if (directory == null) {
      throw new IllegalStateException("set CATCAFE_PROJECT_ROOT: no mvnw above the working dir");
    }
    return directory;
  }

  /** The canonical topics, shared by every test: prefer {@link #isolatedKafka}. */
  public KafkaSettings kafka() {
    return endpoints.kafka();
  }

  /**
   * The same brokers and topics as {@code kafka}, as one component's principal: what it may do
   * there is what its ACLs allow (the topics of {@link #isolatedKafka} carry them too). The other
   * settings of this class are the platform principal's, which may do anything.
   */
  public KafkaSettings kafka(KafkaSettings kafka, KafkaPrincipal principal) {
    KafkaSettings own = platform.kafka(requireNonNull(principal, "principal is null"));
    return requireNonNull(kafka, "kafka is null").withCredentials(own.credentials().orElseThrow());
  }

  /**
   * The seven topics under {@code prefix}, created now with every component's ACLs on them;
   * settings that name them, as the platform's principal.
   */
  public KafkaSettings isolatedKafka(String prefix) {
    return isolatedKafka(prefix, 1);
  }

  /** The same as {@link #isolatedKafka(String)}, with {@code partitions} per topic. */
  public KafkaSettings isolatedKafka(String prefix, int partitions) {
    KafkaSettings kafka =
        endpoints.kafka().withTopicPrefix(requireNonNull(prefix, "prefix is null"));
    TopicAdmin.ensureTopics(kafka, partitions);
    return kafka;
  }

  /**
   * The shared {@code cafe} database (the one Trino's {@code postgresql} catalog shows), as the
   * owner role of its tables ({@code platform.env}'s): the tests create, seed and reset as it.
   */
  public PostgresSettings postgres() {
    return endpoints.postgres();
  }

  /**
   * The credentials of one component's PostgreSQL role (its grants are its job's only: a test of a
   * component's access uses them; the other tests use the owner role of {@link #postgres}).
   */
  public PostgresSettings postgres(PostgresRole role) {
    return platform.postgres(role);
  }

  /** A database of its own for a test class, created empty if missing. */
  public PostgresSettings isolatedPostgres(String database) {
    platform.createDatabase(database);
    PostgresSettings cafe = endpoints.postgres();
    String url = cafe.jdbcUrl().substring(0, cafe.jdbcUrl().lastIndexOf('/') + 1) + database;
    return new PostgresSettings(url, cafe.user(), cafe.password());
  }

  /** The shared Iceberg catalog with {@code namespace}, which exists afterwards. */
  public CatalogSettings catalog(String namespace) {
    CatalogSettings lake = endpoints.catalog();
    CatalogSettings settings = lake.withNamespace(namespace);
    createNamespace(settings);
    return settings;
  }

  /**
   * The shared Iceberg catalog with {@code namespace} (which exists afterwards) and its warehouse
   * on {@code storage}: the platform's local warehouse directory, or the {@code s3://} warehouse in
   * the platform's object store (which runs whichever storage the platform's own lake uses).
   */
  public CatalogSettings catalog(LakeStorage storage, String namespace) {
    requireNonNull(storage, "storage is null");
    CatalogSettings lake = endpoints.catalog().withNamespace(namespace);
    CatalogSettings settings =
        switch (storage) {
          case FILE -> lake.withWarehouse(platform.localWarehouse(), Optional.empty());
          case S3 -> lake.withWarehouse(LocalPlatform.s3Warehouse(), Optional.of(objectStore()));
        };
    createNamespace(settings);
    return settings;
  }

  /** The platform's S3-compatible store (endpoint, region, keys). */
  public ObjectStoreSettings objectStore() {
    return endpoints.objectStore();
  }

  /** The platform's local warehouse directory ({@code LAKE_STORAGE=file}'s warehouse). */
  public Path localWarehouse() {
    return platform.config().warehouse();
  }

  /**
   * Registers the namespace the way Iceberg's JDBC catalog does (a property row named {@code
   * exists}), so Spark, Trino and Iceberg all see it without this module depending on Iceberg.
   */
  private static void createNamespace(CatalogSettings catalog) {
    try (Connection connection =
            DriverManager.getConnection(catalog.uri(), catalog.user(), catalog.password());
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO iceberg_namespace_properties"
                    + " (catalog_name, namespace, property_key, property_value)"
                    + " VALUES (?, ?, 'exists', 'true') ON CONFLICT DO NOTHING")) {
      insert.setString(1, catalog.name());
      insert.setString(2, catalog.namespace());
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("could not create namespace " + catalog.namespace(), e);
    }
  }

  /** Trino's JDBC URL ({@code jdbc:trino://127.0.0.1:port}), starting Trino on first use. */
  public synchronized String trinoJdbcUrl() {
    if (!trinoStarted) {
      platform.startTrino();
      trinoStarted = true;
    }
    return endpoints.trinoJdbcUrl();
  }

  /**
   * How {@code user} connects to Trino (password, certificate), starting Trino on first use: tests
   * that only read connect as {@link TrinoUser#ANALYST}, those that create views as {@link
   * TrinoUser#VIEW_OWNER}.
   */
  public TrinoSettings trino(TrinoUser user) {
    trinoJdbcUrl();
    return endpoints.trino(user);
  }

  /** The platform's environment of a child process that connects to Trino as {@code user}. */
  public Map<String, String> trinoEnvironment(TrinoUser user) {
    TrinoSettings trino = trino(user);
    Map<String, String> env = new LinkedHashMap<>();
    env.put(TrinoSettings.URL_VARIABLE, trino.jdbcUrl());
    env.put(TrinoSettings.TRUSTSTORE_VARIABLE, trino.trustStore());
    env.put(user.userVariable(), trino.user());
    env.put(user.passwordVariable(), trino.password());
    return env;
  }

  public synchronized void restartTrino() {
    platform.restartTrino();
    trinoStarted = true;
  }

  /** SIGKILL to this platform's broker (only a platform of the test's own, see startPrivate). */
  public synchronized void killKafka() {
    requireOwned("kill the broker");
    platform.killKafka();
  }

  /** Starts this platform's broker again and waits until it answers. */
  public synchronized void startKafka() {
    requireOwned("start the broker");
    platform.startKafka();
  }

  /** {@code pg_ctl stop -m immediate} of this platform's PostgreSQL (a platform of its own). */
  public synchronized void stopPostgresImmediately() {
    requireOwned("stop PostgreSQL");
    platform.stopPostgresImmediately();
  }

  /** Starts this platform's PostgreSQL again on the same data. */
  public synchronized void startPostgres() {
    requireOwned("start PostgreSQL");
    platform.startPostgres();
  }

  /** {@code pg_ctl restart -m immediate} of this platform's PostgreSQL (a platform of its own). */
  public synchronized void restartPostgresImmediately() {
    requireOwned("restart PostgreSQL");
    platform.restartPostgresImmediately();
  }

  private void requireOwned(String action) {
    if (!ownsPlatform) {
      throw new IllegalStateException(
          "a test may %s only on a platform of its own (TestingPlatform.startPrivate)"
              .formatted(action));
    }
  }

  /** Variables that point a child process (a job run as its own JVM) at these settings. */
  public Map<String, String> environment(
      KafkaSettings kafka, PostgresSettings postgres, CatalogSettings catalog) {
    Map<String, String> env =
        new LinkedHashMap<>(PlatformEndpoints.environment(kafka, postgres, catalog));
    env.put("CATCAFE_PROJECT_ROOT", projectRoot().toString());
    return env;
  }

  /** The platform's home: its data, logs and the configuration its servers run with. */
  public Path home() {
    return platform.config().home();
  }

  /** A new empty directory for one test's checkpoints or files. */
  public Path scratchDirectory(String name) {
    Path directory =
        platform
            .config()
            .home()
            .resolve("scratch")
            .resolve(name + "-" + scratchCounter.incrementAndGet() + "-" + System.nanoTime());
    try {
      return Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stops and wipes the platform if this JVM started it; an attached one is left running. */
  @Override
  public synchronized void close() {
    if (ownsPlatform) {
      platform.clean();
    }
  }
}
