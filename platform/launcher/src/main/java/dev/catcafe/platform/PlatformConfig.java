package dev.catcafe.platform;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.LakeStorage;
import dev.catcafe.model.config.LocalPlatformDefaults;
import dev.catcafe.model.config.ObjectStoreSettings;
import dev.catcafe.model.config.Releases;
import dev.catcafe.model.jobs.RunnableModule;
import dev.catcafe.model.monitoring.PrometheusConfig;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Where the local platform lives and which ports it uses. Read from the environment with defaults
 * that are the usual ports; {@link #withFreePorts} gives test platforms ports nobody else uses.
 *
 * @param projectRoot the checkout, where the built Kafka and Trino distributions are
 * @param home the working folder: data, logs, pid files, the env file ({@code CATCAFE_HOME},
 *     default {@value LocalPlatformDefaults#HOME} under the project root)
 * @param postgresPort {@code POSTGRES_PORT}, default {@value LocalPlatformDefaults#POSTGRES_PORT}
 * @param kafkaPort {@code KAFKA_PORT}, default {@value LocalPlatformDefaults#KAFKA_PORT}
 * @param kafkaControllerPort {@code KAFKA_CONTROLLER_PORT}, default {@value
 *     #DEFAULT_KAFKA_CONTROLLER_PORT}
 * @param trinoPort {@code TRINO_PORT}, default {@value LocalPlatformDefaults#TRINO_PORT}
 * @param topicPartitions {@code KAFKA_TOPIC_PARTITIONS}, default {@value #DEFAULT_TOPIC_PARTITIONS}
 *     (as the original)
 * @param trinoHeap {@code TRINO_HEAP}, default {@value #DEFAULT_TRINO_HEAP}
 * @param prometheusPort {@code PROMETHEUS_PORT}, default {@value
 *     dev.catcafe.model.monitoring.PrometheusConfig#DEFAULT_PORT}
 * @param s3Port the S3-compatible object store's port ({@code S3_PORT}, default {@value
 *     #DEFAULT_S3_PORT}); the store runs whichever storage the lake uses, so any test can use it
 * @param lakeStorage where the warehouse lives ({@code LAKE_STORAGE}: {@code file}, the default, a
 *     directory under the home; {@code s3}, {@code s3://}{@value #LAKE_BUCKET}{@code /warehouse} in
 *     the platform's object store)
 * @param bindHost the address every local service and application listens on ({@code
 *     CATCAFE_BIND_HOST}, default {@value LocalPlatformDefaults#HOST}: this machine only); {@value
 *     #EVERY_INTERFACE} opens them on every interface (no other value: the endpoints stay on
 *     127.0.0.1). Written to the env file, where {@code bin/run} hands it to the applications
 *     (their {@code *_HOST} settings, Spark's {@code SPARK_LOCAL_IP}).
 * @param kafkaPeerPort a second Kafka listener for the Flink benchmark peer, which cannot
 *     authenticate ({@code KAFKA_PEER_PORT}, default none): plain TCP on 127.0.0.1, where a client
 *     may only touch the benchmarks' topics ({@code bench-*}, {@code flinkpeer-*}) and the peer's
 *     groups ({@code flink-*}), never the cafe's
 */
public record PlatformConfig(
    Path projectRoot,
    Path home,
    int postgresPort,
    int kafkaPort,
    int kafkaControllerPort,
    int trinoPort,
    int topicPartitions,
    String trinoHeap,
    int prometheusPort,
    int s3Port,
    LakeStorage lakeStorage,
    String bindHost,
    OptionalInt kafkaPeerPort) {
  // The defaults the command lines share live in LocalPlatformDefaults; these are the launcher's.
  public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
  public static final int DEFAULT_TOPIC_PARTITIONS = 1;
  public static final String DEFAULT_TRINO_HEAP = "2G";
  public static final LakeStorage DEFAULT_LAKE_STORAGE = LakeStorage.FILE;
  public static final String EVERY_INTERFACE = "0.0.0.0";

  /** The variable of {@link #bindHost}, in the environment and the env file. */
  public static final String BIND_HOST_VARIABLE = "CATCAFE_BIND_HOST";

  /** The object store's bucket the lake's files go to when {@code LAKE_STORAGE=s3}. */
  public static final String LAKE_BUCKET = "lake";

  /** The signing region of the local object store (any name works; this is the SDKs' default). */
  public static final String S3_REGION = ObjectStoreSettings.DEFAULT_REGION;

  public PlatformConfig {
    projectRoot = requireNonNull(projectRoot, "projectRoot is null").toAbsolutePath().normalize();
    home = requireNonNull(home, "home is null").toAbsolutePath().normalize();
    requirePort(postgresPort, "POSTGRES_PORT");
    requirePort(kafkaPort, "KAFKA_PORT");
    requirePort(kafkaControllerPort, "KAFKA_CONTROLLER_PORT");
    requirePort(trinoPort, "TRINO_PORT");
    if (topicPartitions < 1) {
      throw new IllegalArgumentException("KAFKA_TOPIC_PARTITIONS must be at least 1");
    }
    if (!requireNonNull(trinoHeap, "trinoHeap is null").matches("\\d+[mMgG]")) {
      throw new IllegalArgumentException(
          "TRINO_HEAP is '%s': expected e.g. 2G".formatted(trinoHeap));
    }
    requirePort(prometheusPort, "PROMETHEUS_PORT");
    requirePort(s3Port, "S3_PORT");
    requireNonNull(lakeStorage, "lakeStorage is null");
    requireNonNull(bindHost, "bindHost is null");
    if (!bindHost.equals(LocalPlatformDefaults.HOST) && !bindHost.equals(EVERY_INTERFACE)) {
      // Another address would leave nothing on 127.0.0.1, where the env file's endpoints point.
      throw new IllegalArgumentException(
          "%s is '%s': expected %s (this machine only) or %s (every interface)"
              .formatted(
                  BIND_HOST_VARIABLE, bindHost, LocalPlatformDefaults.HOST, EVERY_INTERFACE));
    }
    requireNonNull(kafkaPeerPort, "kafkaPeerPort is null")
        .ifPresent(port -> requirePort(port, "KAFKA_PEER_PORT"));
  }

  private static void requirePort(int port, String variable) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("%s is %d: expected 1-65535".formatted(variable, port));
    }
  }

  /** The platform of a checkout, configured by {@code env} (normally {@code System.getenv()}). */
  public static PlatformConfig fromEnvironment(Path projectRoot, Map<String, String> env) {
    Path root = projectRoot.toAbsolutePath();
    return new PlatformConfig(
        root,
        Path.of(
            env.getOrDefault("CATCAFE_HOME", root.resolve(LocalPlatformDefaults.HOME).toString())),
        intSetting(env, "POSTGRES_PORT", LocalPlatformDefaults.POSTGRES_PORT),
        intSetting(env, "KAFKA_PORT", LocalPlatformDefaults.KAFKA_PORT),
        intSetting(env, "KAFKA_CONTROLLER_PORT", DEFAULT_KAFKA_CONTROLLER_PORT),
        intSetting(env, "TRINO_PORT", LocalPlatformDefaults.TRINO_PORT),
        intSetting(env, "KAFKA_TOPIC_PARTITIONS", DEFAULT_TOPIC_PARTITIONS),
        env.getOrDefault("TRINO_HEAP", DEFAULT_TRINO_HEAP),
        intSetting(env, "PROMETHEUS_PORT", PrometheusConfig.DEFAULT_PORT),
        intSetting(env, "S3_PORT", LocalPlatformDefaults.S3_PORT),
        lakeStorage(env),
        bindHost(env),
        optionalIntSetting(env, "KAFKA_PEER_PORT"));
  }

  private static OptionalInt optionalIntSetting(Map<String, String> env, String variable) {
    String value = env.get(variable);
    return value == null || value.isBlank()
        ? OptionalInt.empty()
        : OptionalInt.of(intSetting(env, variable, 0));
  }

  private static LakeStorage lakeStorage(Map<String, String> env) {
    String value = env.get("LAKE_STORAGE");
    return value == null || value.isBlank() ? DEFAULT_LAKE_STORAGE : LakeStorage.parse(value);
  }

  private static String bindHost(Map<String, String> env) {
    String value = env.get(BIND_HOST_VARIABLE);
    return value == null || value.isBlank() ? LocalPlatformDefaults.HOST : value.strip();
  }

  /** The same platform on ports the OS says are free now: for test runs beside a dev platform. */
  public PlatformConfig withFreePorts() {
    return new PlatformConfig(
        projectRoot,
        home,
        Ports.freePort(),
        Ports.freePort(),
        Ports.freePort(),
        Ports.freePort(),
        topicPartitions,
        trinoHeap,
        Ports.freePort(),
        Ports.freePort(),
        lakeStorage,
        bindHost,
        kafkaPeerPort.isPresent() ? OptionalInt.of(Ports.freePort()) : OptionalInt.empty());
  }

  /** The same platform with its warehouse on {@code storage} ({@code up --lake-storage}). */
  public PlatformConfig withLakeStorage(LakeStorage storage) {
    return withHomeAndLakeStorage(home, storage);
  }

  public PlatformConfig withHome(Path newHome) {
    return withHomeAndLakeStorage(newHome, lakeStorage);
  }

  /** The one copy both withers make: the same ports and settings, another home or warehouse. */
  private PlatformConfig withHomeAndLakeStorage(Path newHome, LakeStorage storage) {
    return new PlatformConfig(
        projectRoot,
        newHome,
        postgresPort,
        kafkaPort,
        kafkaControllerPort,
        trinoPort,
        topicPartitions,
        trinoHeap,
        prometheusPort,
        s3Port,
        storage,
        bindHost,
        kafkaPeerPort);
  }

  private static int intSetting(Map<String, String> env, String variable, int defaultValue) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "%s is '%s': expected a number".formatted(variable, value), e);
    }
  }

  public Path logs() {
    return home.resolve("logs");
  }

  public Path runDirectory() {
    return home.resolve("run");
  }

  /** The local warehouse directory ({@code LAKE_STORAGE=file}). */
  public Path warehouse() {
    return home.resolve(LocalPlatformDefaults.WAREHOUSE_DIRECTORY);
  }

  /**
   * Where the local Spark jobs write their event logs and the History Server reads them ({@code
   * SPARK_EVENT_LOG_DIR} of the env file).
   */
  public Path sparkEventLog() {
    return home.resolve("spark-events");
  }

  /** {@link #sparkEventLog()} as the {@code file:///} URI the jobs are given. */
  public String sparkEventLogUri() {
    return "file://" + sparkEventLog().toAbsolutePath();
  }

  /** The object store's data: one directory per bucket (S3Proxy's file-system back end). */
  public Path objectStoreData() {
    return home.resolve("s3/data");
  }

  public Path s3ProxyLibs() {
    return projectRoot.resolve("platform/s3proxy/target/libs");
  }

  /** The env file users and other commands source to reach this platform. */
  public Path envFile() {
    return home.resolve("platform.env");
  }

  public Path kafkaLibs() {
    return projectRoot.resolve("platform/kafka-broker/target/libs");
  }

  public Path trinoDistribution() {
    return projectRoot.resolve("platform/trino-server/target/trino-server-" + Releases.TRINO);
  }

  /** The Trino CLI of the same release, fetched by the trino-server module's build. */
  public Path trinoCli() {
    return projectRoot.resolve(
        "platform/trino-server/target/download/trino-cli-%s-executable.jar"
            .formatted(Releases.TRINO));
  }

  /**
   * The class path of a runnable module's installed layout, {@code .work/dist/<module>/lib/*} of
   * this checkout ({@code make build} installs it), resolved to the build it points at now so a
   * program started from it keeps its jars while a later build is installed.
   */
  public String installedClasspath(RunnableModule module) {
    Path layout = projectRoot.resolve(".work/dist").resolve(module.distributionName());
    try {
      return layout.toRealPath().resolve("lib") + java.io.File.separator + "*";
    } catch (java.io.IOException e) {
      throw new PlatformException(
          "%s is not installed (%s missing): run 'make build' first"
              .formatted(module.directory(), layout),
          e);
    }
  }
}
