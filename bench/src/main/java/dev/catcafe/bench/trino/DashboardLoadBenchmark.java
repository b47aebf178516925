package dev.catcafe.bench.trino;

import dev.catcafe.bench.BenchmarkCommand;
import dev.catcafe.bench.GeneratedLakeOptions;
import dev.catcafe.bench.Percentiles;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.config.TrinoSettings;
import dev.catcafe.model.config.TrinoUser;
import dev.catcafe.trino.SupersetPlatformEnv;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Benchmark (not a test): the Cat Cafe 360° dashboard's load time in headless Chromium until all
 * seven charts are drawn, p50/p95 over repeated loads, on a month of data ending today (the Trino
 * views benchmark's data set, so the 90-day charts show it) in a namespace of its own. Superset is
 * the project's own ({@code bin/superset}) in a home of its own on a free port, its data cache off
 * so every load queries Trino ({@code --data-cache}: on, as a second viewer within the refresh
 * interval sees it); the browser side is {@code superset/dashboard_load.py}.
 *
 * <pre>
 * bin/run bench dev.catcafe.bench.trino.DashboardLoadBenchmark          # make bench-dashboard
 * </pre>
 */
@Command(
    name = "dashboard-load-benchmark",
    description = "p50/p95 load time of the Superset dashboard on a month of data.")
public final class DashboardLoadBenchmark implements Callable<Integer> {
  private static final double TARGET_P95_MILLIS = 2000;

  @Mixin private BenchmarkCommand command;

  @Mixin private ViewsOverGeneratedData data = new ViewsOverGeneratedData("cafe_dashboard_bench");

  @Option(names = "--loads", defaultValue = "20")
  private int loads;

  @Option(
      names = "--warmup-loads",
      defaultValue = "2",
      description = "Loads before measuring (browser assets, Trino's JIT).")
  private int warmupLoads;

  @Option(
      names = "--data-cache",
      description =
          "Keep Superset's data cache on (5 min, like the dashboard's refresh): the warm-up loads"
              + " fill it and the measured loads read it, as a second viewer would. Default: off,"
              + " every load queries Trino.")
  private boolean dataCache;

  public static void main(String[] args) {
    Commands.run(new DashboardLoadBenchmark(), args);
  }

  @Override
  public Integer call() throws Exception {
    if (data.days() < 1 || loads < 2 || warmupLoads < 0) {
      throw new IllegalArgumentException(
          "--days must be at least 1, --loads at least 2, --warmup-loads not negative");
    }
    command.printMachine(System.out);
    data.measure(
        "dashboard-load-benchmark",
        LocalDate.now(ZoneOffset.UTC).minusDays(data.days() - 1L),
        schemas -> report(measure()));
    return 0;
  }

  /** Starts a Superset of the benchmark's own, loads the dashboard, stops it. */
  private List<Load> measure() throws IOException, InterruptedException {
    GeneratedLakeOptions lake = data.lake();
    Path root = Path.of(requiredEnv("CATCAFE_PROJECT_ROOT"));
    String platformHome = System.getenv("CATCAFE_HOME");
    Path home =
        (platformHome == null ? root.resolve(".work/platform") : Path.of(platformHome))
            .resolve("bench/superset-dashboard");
    Files.createDirectories(home);
    int trinoPort = URI.create(lake.trino().jdbcUrl().substring("jdbc:".length())).getPort();
    // Superset reads as the read-only analyst (its password from this process' environment, the
    // platform's env file), as on the platform.
    TrinoSettings analyst =
        TrinoSettings.fromEnvironment(System.getenv(), TrinoUser.ANALYST)
            .withJdbcUrl(lake.trino().jdbcUrl());
    SupersetPlatformEnv.write(home, analyst, trinoPort, lake.namespace());
    int port = freePort();
    Map<String, String> env =
        Map.of(
            "CATCAFE_HOME", home.toString(),
            "SUPERSET_PORT", Integer.toString(port),
            "SUPERSET_DATA_CACHE", dataCache ? "on" : "off");
    run(root, env, List.of(root.resolve("bin/superset").toString(), "up"), null);
    try {
      Properties secrets = new Properties();
      try (var reader = Files.newBufferedReader(home.resolve("secrets.properties"))) {
        secrets.load(reader);
      }
      String venv = System.getenv().getOrDefault("SUPERSET_VENV", ".work/superset/venv");
      List<String> output =
          run(
              root,
              env,
              List.of(
                  root.resolve(venv).resolve("bin/python").toString(),
                  root.resolve("superset/dashboard_load.py").toString(),
                  "http://127.0.0.1:" + port,
                  "admin",
                  "-",
                  Integer.toString(loads),
                  Integer.toString(warmupLoads)),
              secrets.getProperty("superset.admin.password"));
      return output.stream().filter(line -> line.startsWith("load-ms ")).map(Load::parse).toList();
    } finally {
      run(root, env, List.of(root.resolve("bin/superset").toString(), "down"), null);
    }
  }

  /**
   * One measured load, in milliseconds since its navigation started: all charts drawn, the first
   * chart-data request sent, the last chart data received.
   */
  record Load(double drawn, double dataRequested, double dataReceived) {
    static Load parse(String line) {
      String[] fields = line.substring("load-ms ".length()).strip().split(" ");
      if (fields.length != 3) {
        throw new IllegalArgumentException("expected 'load-ms DRAWN FROM TO', got: " + line);
      }
      return new Load(
          Double.parseDouble(fields[0]),
          Double.parseDouble(fields[1]),
          Double.parseDouble(fields[2]));
    }
  }

  private void report(List<Load> measured) {
    if (measured.size() != loads) {
      throw new IllegalStateException("%d of %d loads measured".formatted(measured.size(), loads));
    }
    double[] millis = sorted(measured, Load::drawn);
    double p95 = Percentiles.nearestRank(millis, 95);
    System.out.printf(
        "dashboard load, all seven charts drawn (%d loads, %d days of data, data cache %s): p50 %.0f"
            + " ms, p95 %.0f ms, max %.0f ms%n",
        loads,
        data.days(),
        dataCache ? "on" : "off",
        Percentiles.nearestRank(millis, 50),
        p95,
        millis[millis.length - 1]);
    // Where a load's time goes: the page and its API calls until the charts ask for their data,
    // Superset (and Trino, without the data cache) answering the seven requests, the drawing.
    System.out.printf(
        "phases (p50 of each): until the first chart request %.0f ms, chart requests %.0f ms,"
            + " drawing after the last data %.0f ms%n",
        Percentiles.nearestRank(sorted(measured, Load::dataRequested), 50),
        Percentiles.nearestRank(
            sorted(measured, load -> load.dataReceived() - load.dataRequested()), 50),
        Percentiles.nearestRank(sorted(measured, load -> load.drawn() - load.dataReceived()), 50));
    System.out.println("p95 <= 2 s: " + (p95 <= TARGET_P95_MILLIS));
  }

  private static double[] sorted(List<Load> measured, ToDoubleFunction<Load> phase) {
    return measured.stream().mapToDouble(phase).sorted().toArray();
  }

  /** Runs {@code command}, echoing its output; fails on a non-zero exit. */
  private static List<String> run(
      Path root, Map<String, String> env, List<String> command, String stdin)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
    // bin/run exported the platform's own Trino port and namespace: the benchmark's home's
    // platform.env names them for this Superset.
    builder.environment().keySet().removeAll(SupersetPlatformEnv.FROM_FILE_ONLY);
    builder.environment().putAll(env);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    try (Writer input =
        new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
      if (stdin != null) {
        input.write(stdin + "\n");
      }
    }
    List<String> lines = new ArrayList<>();
    try (BufferedReader output =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        System.out.println("  " + line);
        lines.add(line);
      }
    }
    if (process.waitFor() != 0) {
      throw new IllegalStateException(
          "%s failed (exit %d)".formatted(command, process.exitValue()));
    }
    return lines;
  }

  private static String requiredEnv(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " is not set: run through bin/run");
    }
    return value;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
