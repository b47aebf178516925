package dev.catcafe.spark;

import static dev.catcafe.model.config.Settings.requireText;
import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.EventLogSettings;
import dev.catcafe.model.config.SparkCatalogConf;
import dev.catcafe.spark.fs.LocalFileSystems;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Everything a job's Spark session is built from; {@link SparkSessions#create} turns it into a
 * session. Each job states its settings here, in one place, instead of calling the builder.
 *
 * @param appName the application name in the Spark UI and the logs
 * @param master the Spark master ({@code --spark-master} / {@code SPARK_MASTER}, see {@link
 *     SparkMasterOption})
 * @param catalog the lake's Iceberg catalog, if the job reads or writes the lake (the alert jobs
 *     only speak Kafka)
 * @param ui whether the driver serves the Spark UI
 * @param bindAddress the driver's bind and advertised address (its RPC and block manager ports),
 *     e.g. {@code 127.0.0.1} for an in-process run; empty: Spark's choice, the host's name, which a
 *     driver in a pod needs (executors reach it there). The builder pins an in-process ({@code
 *     local}) master to {@value #LOOPBACK}: nothing outside the JVM needs those ports, which would
 *     otherwise listen on every interface. The Spark UI binds {@code SPARK_LOCAL_IP} instead
 *     ({@code bin/run} sets it from {@code CATCAFE_BIND_HOST})
 * @param shufflePartitions {@code spark.sql.shuffle.partitions}; frozen into a stateful query's
 *     checkpoint, so a streaming job must keep it fixed
 * @param defaultParallelism {@code spark.default.parallelism}, if not Spark's (the core count)
 * @param stateStoreProvider the streaming state store's provider class, if not Spark's
 * @param eventLog where the job writes its Spark event log for the History Server ({@link
 *     EventLogOption}); empty: no event log
 * @param extraConf further {@code spark.*} settings; none may repeat a typed one above
 */
public record SessionSettings(
    String appName,
    String master,
    Optional<CatalogSettings> catalog,
    boolean ui,
    Optional<String> bindAddress,
    int shufflePartitions,
    OptionalInt defaultParallelism,
    Optional<String> stateStoreProvider,
    Optional<EventLogSettings> eventLog,
    Map<String, String> extraConf) {
  /** The master of a job whose {@code --spark-master} and {@code SPARK_MASTER} are unset. */
  public static final String DEFAULT_MASTER = "local[*]";

  /** The address of in-process runs: no dependency on the host name resolving. */
  public static final String LOOPBACK = "127.0.0.1";

  /**
   * RocksDB keeps streaming state off the JVM heap and is the only provider that supports
   * transformWithState's TTL and column families.
   */
  public static final String ROCKSDB_PROVIDER =
      "org.apache.spark.sql.execution.streaming.state.RocksDBStateStoreProvider";

  /** The keys the typed components own; {@code extraConf} may not set them a second time. */
  static final Set<String> TYPED_KEYS =
      Set.of(
          "spark.app.name",
          "spark.master",
          "spark.ui.enabled",
          "spark.driver.bindAddress",
          "spark.driver.host",
          "spark.sql.shuffle.partitions",
          "spark.default.parallelism",
          "spark.sql.streaming.stateStore.providerClass",
          "spark.eventLog.enabled",
          "spark.eventLog.dir",
          "spark.eventLog.compress",
          "spark.eventLog.compression.codec",
          "spark.eventLog.rolling.enabled",
          "spark.eventLog.rolling.maxFileSize");

  private static final String MASTER_PATTERN =
      "local(\\[(\\*|[1-9][0-9]*)(, *[1-9][0-9]*)?])?|yarn|[a-z][a-z0-9+.\\-]*://.+";

  public SessionSettings {
    appName = requireText(appName, "appName");
    master = requireText(master, "master (--spark-master / SPARK_MASTER)");
    if (!master.matches(MASTER_PATTERN)) {
      throw new IllegalArgumentException(
          "Spark master is '%s': expected local, local[N], local[*], yarn or scheme://host:port"
              .formatted(master));
    }
    requireNonNull(catalog, "catalog is null");
    requireNonNull(bindAddress, "bindAddress is null");
    bindAddress.ifPresent(address -> requireText(address, "bindAddress"));
    if (shufflePartitions < 1) {
      throw new IllegalArgumentException(
          "shufflePartitions is %d: expected at least 1".formatted(shufflePartitions));
    }
    requireNonNull(defaultParallelism, "defaultParallelism is null");
    defaultParallelism.ifPresent(
        parallelism -> {
          if (parallelism < 1) {
            throw new IllegalArgumentException(
                "defaultParallelism is %d: expected at least 1".formatted(parallelism));
          }
        });
    requireNonNull(stateStoreProvider, "stateStoreProvider is null");
    stateStoreProvider.ifPresent(provider -> requireText(provider, "stateStoreProvider"));
    requireNonNull(eventLog, "eventLog is null");
    requireNonNull(extraConf, "extraConf is null");
    for (Map.Entry<String, String> entry : extraConf.entrySet()) {
      String key = requireText(entry.getKey(), "a Spark setting's key");
      if (!key.startsWith("spark.")) {
        throw new IllegalArgumentException(
            "Spark setting '%s': expected a key starting with spark.".formatted(key));
      }
      if (TYPED_KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "Spark setting '%s' has its own option; set it there, not as extra conf"
                .formatted(key));
      }
      requireNonNull(entry.getValue(), "value of " + key + " is null");
    }
    extraConf = Map.copyOf(extraConf);
  }

  /**
   * A batch job on the lake, run in-process unless the master says otherwise: UI off, driver on the
   * loopback address, a modest shuffle width (adaptive execution coalesces further).
   */
  public static Builder lakeBatch(String appName, String master, CatalogSettings catalog) {
    return builder(appName, master).catalog(catalog).ui(false).loopback().shufflePartitions(16);
  }

  /** Settings for {@code appName} on {@code master}: Spark's defaults until the builder says. */
  public static Builder builder(String appName, String master) {
    return new Builder(appName, master);
  }

  /**
   * The session's {@code spark.*} properties, master and name included: the catalog's, the {@link
   * LocalFileSystems forkless local file system}, the UTC session zone, then the typed settings and
   * the extra ones.
   */
  public Map<String, String> sparkConf() {
    Map<String, String> conf = new LinkedHashMap<>();
    conf.put("spark.app.name", appName);
    conf.put("spark.master", master);
    catalog.ifPresent(lake -> conf.putAll(SparkCatalogConf.of(lake)));
    // Checkpoint, state and table files on file: paths without a forked chmod per file.
    conf.putAll(LocalFileSystems.sparkConf());
    // The lake's timestamps are UTC instants and the alerts format theirs in the session zone.
    conf.put("spark.sql.session.timeZone", "UTC");
    conf.put("spark.ui.enabled", Boolean.toString(ui));
    bindAddress.ifPresent(
        address -> {
          conf.put("spark.driver.bindAddress", address);
          conf.put("spark.driver.host", address);
        });
    conf.put("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions));
    defaultParallelism.ifPresent(
        parallelism -> conf.put("spark.default.parallelism", Integer.toString(parallelism)));
    stateStoreProvider.ifPresent(
        provider -> conf.put("spark.sql.streaming.stateStore.providerClass", provider));
    // Off unless asked for, whatever a spark-defaults file says: tests leave no logs behind.
    eventLog.ifPresentOrElse(
        log -> conf.putAll(log.sparkConf()), () -> conf.put("spark.eventLog.enabled", "false"));
    conf.putAll(extraConf);
    return conf;
  }

  /** Builds {@link SessionSettings}; unset components keep Spark's defaults. */
  public static final class Builder {
    private final String appName;
    private final String master;
    private Optional<CatalogSettings> catalog = Optional.empty();
    private boolean ui = true;
    private Optional<String> bindAddress = Optional.empty();
    private int shufflePartitions = 200;
    private OptionalInt defaultParallelism = OptionalInt.empty();
    private Optional<String> stateStoreProvider = Optional.empty();
    private Optional<EventLogSettings> eventLog = Optional.empty();
    private final Map<String, String> extraConf = new LinkedHashMap<>();

    private Builder(String appName, String master) {
      this.appName = appName;
      this.master = master;
    }

    public Builder catalog(CatalogSettings lake) {
      this.catalog = Optional.of(requireNonNull(lake, "lake is null"));
      return this;
    }

    public Builder ui(boolean enabled) {
      this.ui = enabled;
      return this;
    }

    /** Binds and advertises the driver on the loopback address (in-process runs). */
    public Builder loopback() {
      this.bindAddress = Optional.of(LOOPBACK);
      return this;
    }

    public Builder shufflePartitions(int partitions) {
      this.shufflePartitions = partitions;
      return this;
    }

    public Builder defaultParallelism(int parallelism) {
      this.defaultParallelism = OptionalInt.of(parallelism);
      return this;
    }

    public Builder stateStoreProvider(String providerClass) {
      this.stateStoreProvider = Optional.of(requireNonNull(providerClass, "providerClass is null"));
      return this;
    }

    /** Writes the Spark event log as {@code log} says, or none if it is empty. */
    public Builder eventLog(Optional<EventLogSettings> log) {
      this.eventLog = requireNonNull(log, "log is null");
      return this;
    }

    public Builder conf(String key, String value) {
      extraConf.put(requireNonNull(key, "key is null"), requireNonNull(value, "value is null"));
      return this;
    }

    public Builder conf(Map<String, String> settings) {
      requireNonNull(settings, "settings is null").forEach(this::conf);
      return this;
    }

    public SessionSettings build() {
      boolean inProcess = master != null && master.startsWith("local");
      return new SessionSettings(
          appName,
          master,
          catalog,
          ui,
          bindAddress.isEmpty() && inProcess ? Optional.of(LOOPBACK) : bindAddress,
          shufflePartitions,
          defaultParallelism,
          stateStoreProvider,
          eventLog,
          extraConf);
    }
  }
}
