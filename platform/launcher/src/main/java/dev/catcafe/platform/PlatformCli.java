package dev.catcafe.platform;

import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.config.KafkaPrincipal;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.LakeStorage;
import dev.catcafe.model.config.TrinoCatalogs;
import dev.catcafe.model.config.TrinoSettings;
import dev.catcafe.model.config.TrinoUser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * {@code make up}, {@code make down}, {@code make clean}, {@code make status}: the local platform
 * from the command line. Ports and folders come from the environment (see {@link PlatformConfig}).
 */
@Command(
    name = "platform",
    description = "Start, stop, inspect or wipe the local platform.",
    subcommands = {
      PlatformCli.Up.class,
      PlatformCli.Down.class,
      PlatformCli.Status.class,
      PlatformCli.Clean.class,
      PlatformCli.TrinoCli.class
    })
public final class PlatformCli implements Callable<Integer> {
  public static void main(String[] args) {
    Commands.run(new PlatformCli(), args);
  }

  @Override
  public Integer call() {
    System.err.println("Name a command: up, down, status, clean or trino-cli (--help for more).");
    return Commands.USAGE_ERROR;
  }

  static LocalPlatform platform(boolean freePorts) {
    Map<String, String> env = System.getenv();
    Path root = Path.of(env.getOrDefault("CATCAFE_PROJECT_ROOT", ".")).toAbsolutePath().normalize();
    PlatformConfig config = PlatformConfig.fromEnvironment(root, env);
    return new LocalPlatform(freePorts ? config.withFreePorts() : config, env);
  }

  static LocalPlatform platform(boolean freePorts, String lakeStorage) {
    LocalPlatform platform = platform(freePorts);
    if (lakeStorage == null) {
      return platform;
    }
    return new LocalPlatform(
        platform.config().withLakeStorage(LakeStorage.parse(lakeStorage)), System.getenv());
  }

  @Command(name = "up", description = "Start every service that is not running; wait for health.")
  static final class Up implements Callable<Integer> {
    @Option(names = "--without-trino", description = "Leave Trino out (it takes the longest).")
    private boolean withoutTrino;

    @Option(
        names = "--free-ports",
        description = "Use ports the OS picks (for test platforms beside a dev platform).")
    private boolean freePorts;

    @Option(
        names = "--lake-storage",
        paramLabel = "file|s3",
        description =
            "Where the warehouse lives: file (a local directory) or s3 (the platform's object"
                + " store). Env LAKE_STORAGE. Default: file.")
    private String lakeStorage;

    @Override
    public Integer call() {
      LocalPlatform platform;
      try {
        platform = platform(freePorts, lakeStorage);
      } catch (IllegalArgumentException e) {
        System.err.println("make up: " + e.getMessage());
        return Commands.USAGE_ERROR;
      }
      long started = System.nanoTime();
      try {
        PlatformEndpoints endpoints = platform.up(!withoutTrino);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("Local platform up in %.1f s%n", took.toMillis() / 1000.0);
        System.out.printf(
            "  PostgreSQL  %s (user %s)%n",
            endpoints.postgres().jdbcUrl(), endpoints.postgres().user());
        System.out.printf(
            "  Kafka       %s (%s; user %s in the env file, one per component in the secrets"
                + " file)%n",
            endpoints.kafka().bootstrapServers(),
            KafkaSettings.SASL_MECHANISM,
            KafkaPrincipal.PLATFORM.userName());
        System.out.printf(
            "  S3 store    %s (bucket %s, region %s; keys in the env file)%n",
            endpoints.objectStore().endpoint(),
            PlatformConfig.LAKE_BUCKET,
            endpoints.objectStore().region());
        System.out.printf(
            "  Iceberg     catalog %s, %s, warehouse %s%n",
            endpoints.catalog().name(), endpoints.catalog().uri(), endpoints.catalog().warehouse());
        if (!withoutTrino) {
          System.out.printf(
              "  Trino       %s  (HTTPS, certificate %s; web UI https://127.0.0.1:%d;"
                  + " users and passwords in the env file)%n",
              endpoints.trinoJdbcUrl(), endpoints.trinoTrustStore(), platform.config().trinoPort());
        }
        platform.prometheusUrl().ifPresent(url -> System.out.printf("  Prometheus  %s%n", url));
        System.out.printf("  Env file    %s%n", platform.config().envFile());
        System.out.printf("  Logs        %s%n", platform.config().logs());
        return 0;
      } catch (PlatformException e) {
        System.err.println("make up failed: " + e.getMessage());
        return 1;
      }
    }
  }

  @Command(name = "down", description = "Stop every service; keep the data.")
  static final class Down implements Callable<Integer> {
    @Override
    public Integer call() {
      platform(false).down();
      System.out.println("Local platform stopped (data kept; 'make clean' wipes it).");
      return 0;
    }
  }

  @Command(name = "status", description = "Which services run, and their memory.")
  static final class Status implements Callable<Integer> {
    @Override
    public Integer call() {
      platform(false)
          .status()
          .forEach(
              (service, running) ->
                  System.out.printf("  %-10s %s%n", service, running ? "running" : "stopped"));
      return 0;
    }
  }

  @Command(name = "clean", description = "Stop every service and delete all platform data.")
  static final class Clean implements Callable<Integer> {
    @Override
    public Integer call() {
      LocalPlatform platform = platform(false);
      platform.clean();
      System.out.println("Local platform wiped: " + platform.config().home());
      return 0;
    }
  }

  /**
   * The Trino CLI of the platform's Trino release, on the JDK the server runs on, opened on the
   * lake catalog and the lakehouse namespace; the arguments go to the CLI (e.g. {@code --execute}).
   */
  @Command(
      name = "trino-cli",
      description = "Open the Trino CLI on the running platform; arguments go to the CLI.")
  static final class TrinoCli implements Callable<Integer> {
    @Unmatched private List<String> cliArguments = new ArrayList<>();

    @Override
    public Integer call() throws IOException, InterruptedException {
      Map<String, String> env = System.getenv();
      PlatformConfig config = platform(false).config();
      if (!Files.isRegularFile(config.envFile())) {
        System.err.println("The platform is not up (no " + config.envFile() + "): run 'make up'.");
        return 1;
      }
      Map<String, String> platformEnv = PlatformEndpoints.readVariables(config.envFile());
      // The read-only analyst unless the caller's environment names another user (TRINO_USER
      // and TRINO_PASSWORD, e.g. the view owner's from the env file).
      Map<String, String> clientEnv = new HashMap<>(platformEnv);
      for (String variable :
          List.of(TrinoUser.ANALYST.userVariable(), TrinoUser.ANALYST.passwordVariable())) {
        if (env.containsKey(variable)) {
          clientEnv.put(variable, env.get(variable));
        }
      }
      TrinoSettings trino = TrinoSettings.fromEnvironment(clientEnv, TrinoUser.ANALYST);
      Path java = JavaRuntimes.forTrino(env, Path.of("/usr/lib/jvm")).resolve("bin/java");
      List<String> command = new ArrayList<>();
      command.addAll(
          List.of(
              java.toString(),
              "-jar",
              config.trinoCli().toString(),
              "--server",
              trino.serverUri().toString(),
              "--truststore-path",
              trino.trustStore(),
              "--catalog",
              TrinoCatalogs.LAKE,
              "--schema",
              platformEnv.get("LAKEHOUSE_NAMESPACE"),
              "--user",
              trino.user(),
              // The CLI reads the password from TRINO_PASSWORD, never from the command line.
              "--password"));
      command.addAll(cliArguments);
      ProcessBuilder cli = new ProcessBuilder(command).inheritIO();
      cli.environment().put("TRINO_PASSWORD", trino.password());
      return cli.start().waitFor();
    }
  }
}
