package dev.catcafe.platform;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.model.config.KafkaPrincipal;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.LakeStorage;
import dev.catcafe.model.config.LocalPlatformDefaults;
import dev.catcafe.model.config.ObjectStoreSettings;
import dev.catcafe.model.config.PostgresBootstrap;
import dev.catcafe.model.config.PostgresRole;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.model.config.TrinoUser;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.monitoring.MonitoringPolicy;
import dev.catcafe.model.monitoring.PrometheusConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The whole local platform: PostgreSQL (cafe database and Iceberg catalog database), a Kafka broker
 * with the cafe's topics, an S3-compatible object store, the Iceberg JDBC catalog with a warehouse
 * on local disk or in the store ({@link PlatformConfig#lakeStorage}), and Trino over both. Starting
 * is idempotent: a running service is left alone; stopping keeps the data.
 */
public final class LocalPlatform {
  private static final Duration KAFKA_START = Duration.ofSeconds(120);
  private static final Duration TRINO_START = Duration.ofSeconds(240);
  private static final Duration PROMETHEUS_START = Duration.ofSeconds(60);
  private static final Duration S3_START = Duration.ofSeconds(60);

  private final PlatformConfig config;
  private final Map<String, String> environment;
  private final Secrets secrets;
  private final PostgresServer postgres;
  private final KafkaBroker kafka;
  private final TrinoServer trino;
  private final PrometheusServer prometheus;
  private final S3ProxyServer objectStore;

  public LocalPlatform(PlatformConfig config, Map<String, String> environment) {
    this.config = requireNonNull(config, "config is null");
    this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    this.secrets = new Secrets(config.home().resolve("secrets.properties"));
    this.postgres = new PostgresServer(config, secrets);
    this.kafka = new KafkaBroker(config, secrets);
    this.trino = new TrinoServer(config, secrets);
    this.prometheus = new PrometheusServer(config);
    this.objectStore = new S3ProxyServer(config, secrets);
  }

  public PlatformConfig config() {
    return config;
  }

  /**
   * What {@code platform.env} holds: the endpoints; PostgreSQL as the owner role of the cafe's
   * tables (the tools' role: tests, benchmarks, a shell; {@code bin/run-job} replaces it with each
   * program's own role) and the Iceberg catalog as the catalog's role.
   */
  public PlatformEndpoints endpoints() {
    String password = postgres.appPassword();
    PostgresSettings cafe =
        new PostgresSettings(
            postgres.adminUrl(PostgresBootstrap.CAFE_DATABASE),
            LocalPlatformDefaults.APP_ROLE,
            password);
    ObjectStoreSettings store = objectStore.settings();
    PostgresSettings catalogRole = postgres.settings(PostgresRole.ICEBERG_CATALOG);
    boolean onS3 = config.lakeStorage() == LakeStorage.S3;
    CatalogSettings lake =
        new CatalogSettings(
            CatalogSettings.DEFAULT_NAME,
            CatalogType.JDBC,
            postgres.adminUrl(PostgresBootstrap.CATALOG_DATABASE),
            catalogRole.user(),
            catalogRole.password(),
            onS3 ? s3Warehouse() : localWarehouse(),
            CatalogSettings.DEFAULT_NAMESPACE,
            onS3 ? Optional.of(store) : Optional.empty());
    Map<TrinoUser, String> trinoPasswords = new EnumMap<>(TrinoUser.class);
    for (TrinoUser user : PlatformEndpoints.clientTrinoUsers()) {
      trinoPasswords.put(user, trino.settings(user).password());
    }
    return new PlatformEndpoints(
        kafka.settings(),
        cafe,
        lake,
        trino.jdbcUrl(),
        store,
        trino.certificate().toString(),
        trinoPasswords);
  }

  /** The brokers as one component's Kafka principal (its password from the secrets file). */
  public KafkaSettings kafka(KafkaPrincipal principal) {
    return kafka.settings(requireNonNull(principal, "principal is null"));
  }

  /** The credentials of one component's role, in the database it works in. */
  public PostgresSettings postgres(PostgresRole role) {
    return postgres.settings(requireNonNull(role, "role is null"));
  }

  /** The {@code file:///…} URI of the local warehouse directory. */
  public String localWarehouse() {
    return config.warehouse().toUri().toString().replaceFirst("^file:/(?!/)", "file:///");
  }

  /** The warehouse in the object store's lake bucket. */
  public static String s3Warehouse() {
    return "s3://" + PlatformConfig.LAKE_BUCKET + "/warehouse";
  }

  /** Starts whatever is not running, waits for health, writes the env file. */
  public PlatformEndpoints up(boolean withTrino) {
    try {
      Files.createDirectories(config.warehouse());
      Files.createDirectories(config.sparkEventLog());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // What this call starts, to stop again if a later step fails (say, Kafka refusing its data):
    // a failed `up` leaves no half-started platform holding the ports. Services that were running
    // before it stay up.
    Map<String, Boolean> runningBefore = status();
    try {
      objectStore.start();
      postgres.start();
      kafka.start();
      PlatformEndpoints endpoints = endpoints();
      // Before the bootstrap, which checks an s3:// warehouse's bucket through the store.
      objectStore.awaitReady(S3_START);
      if (withTrino) {
        startTrinoProcess(endpoints);
      }
      bootstrapCatalog(endpoints);
      startPrometheus();
      kafka.awaitReady(KAFKA_START);
      if (withTrino) {
        trino.awaitReady(TRINO_START);
      }
      endpoints.write(config.envFile(), config);
      return endpoints;
    } catch (RuntimeException e) {
      stopStartedSince(runningBefore, e);
      throw e;
    }
  }

  /**
   * Stops each service that runs now but did not in {@code runningBefore} (none depends on another
   * to stop).
   */
  private void stopStartedSince(Map<String, Boolean> runningBefore, RuntimeException failure) {
    for (Map.Entry<String, Service> service : services().entrySet()) {
      if (service.getValue().running().getAsBoolean() && !runningBefore.get(service.getKey())) {
        try {
          service.getValue().stop().run();
        } catch (RuntimeException stopFailure) {
          failure.addSuppressed(stopFailure);
        }
      }
    }
  }

  /** A service of the platform: whether it runs, how to stop it. */
  private record Service(BooleanSupplier running, Runnable stop) {}

  /** The platform's services by their name in {@link #status}, in its order. */
  private Map<String, Service> services() {
    Map<String, Service> services = new LinkedHashMap<>();
    services.put("postgres", new Service(postgres::isRunning, postgres::stop));
    services.put("kafka", new Service(kafka::isRunning, kafka::stop));
    services.put("trino", new Service(trino::isRunning, trino::stop));
    services.put("prometheus", new Service(prometheus::isRunning, prometheus::stop));
    services.put("s3", new Service(objectStore::isRunning, objectStore::stop));
    return services;
  }

  /**
   * Starts Prometheus on the job catalog's scrape targets, if Debian's package is installed (it is
   * monitoring, not a service the jobs need: a machine without it runs the platform unwatched).
   */
  private void startPrometheus() {
    if (!PrometheusServer.isInstalled()) {
      System.err.printf(
          "Prometheus is not installed (%s): the jobs' metrics are not collected;"
              + " bin/ensure-os-packages installs it.%n",
          PrometheusServer.BINARY);
      return;
    }
    prometheus.start(MonitoringPolicy.DEFAULT, PrometheusConfig.localTargets());
    prometheus.awaitReady(PROMETHEUS_START);
  }

  /** The local Prometheus' address, if it runs. */
  public Optional<String> prometheusUrl() {
    return prometheus.isRunning() ? Optional.of(prometheus.url()) : Optional.empty();
  }

  /** Starts Trino (if it is not running) and waits for it. */
  public void startTrino() {
    startTrinoProcess(endpoints());
    trino.awaitReady(TRINO_START);
  }

  public void restartTrino() {
    trino.stop();
    startTrino();
  }

  private void startTrinoProcess(PlatformEndpoints endpoints) {
    trino.start(
        endpoints.catalog(),
        postgres.settings(PostgresRole.TRINO),
        endpoints.objectStore(),
        JavaRuntimes.forTrino(environment, Path.of("/usr/lib/jvm")));
  }

  /**
   * Creates the Iceberg catalog tables and namespace through Iceberg's own code: the job catalog's
   * {@link JvmApp#CATALOG_BOOTSTRAP}, in a JVM on its module's installed layout (the launcher stays
   * free of Spark's dependency tree).
   */
  private void bootstrapCatalog(PlatformEndpoints endpoints) {
    // A JVM on Spark's classpath costs seconds: once per platform home is enough (clean wipes it).
    Path done = config.runDirectory().resolve("catalog-bootstrapped");
    if (Files.exists(done)) {
      return;
    }
    List<String> command = new ArrayList<>();
    command.add(KafkaBroker.javaCommand());
    command.add("@" + config.projectRoot().resolve("etc/spark-jvm.args"));
    JvmApp bootstrap = JvmApp.CATALOG_BOOTSTRAP;
    command.addAll(
        List.of("-cp", config.installedClasspath(bootstrap.module()), bootstrap.mainClass()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder
        .environment()
        .putAll(
            PlatformEndpoints.environment(
                endpoints.kafka(), endpoints.postgres(), endpoints.catalog()));
    try {
      Process process = builder.start();
      String output =
          new String(
              process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new PlatformException("Iceberg catalog bootstrap failed:\n" + output);
      }
      Files.createDirectories(done.getParent());
      Files.createFile(done);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("interrupted", e);
    }
  }

  /** Creates an empty database on the platform's server (for isolated tests). */
  public void createDatabase(String database) {
    postgres.createDatabase(database);
  }

  /**
   * Kills the broker with SIGKILL, as a crash or an OOM kill would (fault-injection tests); {@link
   * #startKafka} brings it back on the same data.
   */
  public void killKafka() {
    kafka.kill();
  }

  /** Starts the broker (if it is not running) and waits until it answers. */
  public void startKafka() {
    kafka.start();
    kafka.awaitReady(KAFKA_START);
  }

  /**
   * {@code pg_ctl stop -m immediate} (fault-injection tests): a crash; see {@link #startPostgres}.
   */
  public void stopPostgresImmediately() {
    postgres.stopImmediately();
  }

  /** Starts PostgreSQL (if it is not running) on the same data, recovering from its WAL. */
  public void startPostgres() {
    postgres.start();
  }

  /** {@code pg_ctl restart -m immediate} (fault-injection tests): a crash and its recovery. */
  public void restartPostgresImmediately() {
    postgres.restartImmediately();
  }

  /** Stops every service this platform started; the data stays. */
  public void down() {
    prometheus.stop();
    trino.stop();
    kafka.stop();
    postgres.stop();
    objectStore.stop();
  }

  /** Stops everything and deletes the platform's home: data, logs, secrets. */
  public void clean() {
    down();
    if (Files.exists(config.home())) {
      try (Stream<Path> files = Files.walk(config.home())) {
        for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Service name to whether it runs. */
  public Map<String, Boolean> status() {
    Map<String, Boolean> status = new LinkedHashMap<>();
    services().forEach((name, service) -> status.put(name, service.running().getAsBoolean()));
    return status;
  }
}
