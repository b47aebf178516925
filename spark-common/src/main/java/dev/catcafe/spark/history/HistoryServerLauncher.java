package dev.catcafe.spark.history;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.cli.Durations;
import dev.catcafe.model.cli.ObjectStoreOptions;
import dev.catcafe.model.config.LakeStorage;
import dev.catcafe.spark.EventLogDirectories;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.spark.SecurityManager;
import org.apache.spark.SparkConf;
import org.apache.spark.deploy.history.FsHistoryProvider;
import org.apache.spark.deploy.history.HistoryServer;
import org.apache.spark.deploy.history.HistoryServer$;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs Spark's History Server over the jobs' event logs ({@code bin/app start history-server}; a
 * Deployment in the cluster). It does what {@code HistoryServer.main} does, with the settings of
 * {@link HistoryServerSettings} instead of system properties, and with one thing that {@code main}
 * cannot do: listen on a chosen address. Spark's web UIs take their address only from the
 * environment variable {@code SPARK_LOCAL_IP} (else every interface), which a JVM cannot set for
 * itself; the server's configuration answers that variable from {@code --bind-address} instead.
 */
@Command(
    name = "history-server",
    description = "Serves the Spark UI of finished and running jobs from their event logs.")
public final class HistoryServerLauncher implements Callable<Integer> {
  @Option(
      names = "--log-directory",
      defaultValue = "${env:SPARK_EVENT_LOG_DIR:-}",
      paramLabel = "URI",
      description =
          "The event-log directory the jobs write to. Env SPARK_EVENT_LOG_DIR (the local platform"
              + " sets <platform home>/spark-events). Required.")
  String logDirectory;

  @Option(
      names = "--bind-address",
      defaultValue =
          "${env:SPARK_HISTORY_BIND_ADDRESS:-" + HistoryServerSettings.DEFAULT_BIND_ADDRESS + "}",
      description = "The address to listen on (0.0.0.0 in a pod). Env SPARK_HISTORY_BIND_ADDRESS.")
  String bindAddress;

  @Option(
      names = "--port",
      defaultValue = "${env:SPARK_HISTORY_PORT:-" + HistoryServerSettings.DEFAULT_PORT + "}",
      description = "The UI's port. Env SPARK_HISTORY_PORT.")
  int port;

  @Option(
      names = "--retention",
      defaultValue = HistoryServerSettings.DEFAULT_RETENTION,
      converter = Durations.Converter.class,
      description = "Delete event logs older than this.")
  Duration retention;

  @Option(
      names = "--update-interval",
      defaultValue = HistoryServerSettings.DEFAULT_UPDATE_INTERVAL,
      converter = Durations.Converter.class,
      description = "Scan the directory for new logs this often.")
  Duration updateInterval;

  @Option(
      names = "--rolling-files-to-retain",
      defaultValue = "" + HistoryServerSettings.DEFAULT_ROLLING_FILES_TO_RETAIN,
      description = "Compact a rolling (streaming job's) log down to this many newest files.")
  int rollingFilesToRetain;

  @Mixin ObjectStoreOptions objectStoreOptions;

  public static void main(String[] args) {
    Commands.run(new HistoryServerLauncher(), args);
  }

  HistoryServerSettings settings() {
    return new HistoryServerSettings(
        logDirectory,
        bindAddress,
        port,
        retention,
        updateInterval,
        rollingFilesToRetain,
        LakeStorage.storeFor(logDirectory, objectStoreOptions::settings));
  }

  @Override
  public Integer call() throws Exception {
    HistoryServerSettings settings = settings();
    // It fails on a missing directory, which it creates as the jobs do.
    EventLogDirectories.create(settings.logDirectory(), settings.sparkConf());
    HistoryServer server = start(settings);
    System.out.printf(
        "History Server on http://%s:%d reading %s%n",
        settings.bindAddress(), server.boundPort(), settings.logDirectory());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  stopped.countDown();
                },
                "history-server-stop"));
    stopped.await();
    return 0;
  }

  /** Starts a History Server as {@code settings} say; the caller stops it. */
  public static HistoryServer start(HistoryServerSettings settings) {
    requireNonNull(settings, "settings is null");
    SparkConf conf = new BoundConf(settings.bindAddress());
    settings.sparkConf().forEach(conf::set);
    SecurityManager securityManager = HistoryServer$.MODULE$.createSecurityManager(conf);
    FsHistoryProvider provider = new FsHistoryProvider(conf);
    HistoryServer server = new HistoryServer(conf, provider, securityManager, settings.port());
    server.bind();
    provider.start();
    return server;
  }

  /**
   * A configuration whose {@code SPARK_LOCAL_IP} is the bind address: {@code WebUI.bind} reads the
   * variable through {@link SparkConf#getenv}, and nothing else chooses the UI's address.
   */
  private static final class BoundConf extends SparkConf {
    private static final long serialVersionUID = 1L;
    private final String bindAddress;

    BoundConf(String bindAddress) {
      super(false);
      this.bindAddress = bindAddress;
    }

    @Override
    public String getenv(String name) {
      return name.equals("SPARK_LOCAL_IP") ? bindAddress : super.getenv(name);
    }
  }
}
