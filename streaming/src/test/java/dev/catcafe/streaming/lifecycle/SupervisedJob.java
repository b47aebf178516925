package dev.catcafe.streaming.lifecycle;

import dev.catcafe.model.jobs.CatalogEntry;
import dev.catcafe.model.jobs.Restart;
import dev.catcafe.model.jobs.SparkJob;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.streaming.ingest.IngestionProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A streaming job of the catalog in a JVM of its own behind {@code bin/supervise}, with the
 * catalog's restart policy and stop grace, as {@code make run} runs it; SIGTERM to the returned
 * process is what {@code make down} sends.
 */
public final class SupervisedJob {
  private SupervisedJob() {}

  /**
   * Starts {@code job} with {@code arguments}; output to {@code log}, supervisor state to state.
   */
  public static Process start(
      SparkJob job, Map<String, String> environment, Path log, Path state, List<String> arguments)
      throws IOException {
    Path root = TestingPlatform.projectRoot();
    List<String> program =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + root.resolve("etc/spark-jvm.args"),
                "-Xmx768m",
                "-cp",
                System.getProperty("java.class.path"),
                job.mainClass()));
    program.addAll(IngestionProcess.withFreeMetricsPort(arguments));
    return supervise(job, program, environment, log, state);
  }

  /**
   * Starts the catalog's {@code app} exactly as {@code make run} does: {@code bin/run-job <name>}
   * from the installed layouts ({@code .work/dist}, which {@code make test} installs) behind the
   * supervisor, on {@code environment} only (no platform env file is read).
   */
  public static Process startInstalled(
      CatalogEntry app,
      Map<String, String> environment,
      Path log,
      Path state,
      List<String> arguments)
      throws IOException {
    Path root = TestingPlatform.projectRoot();
    List<String> program =
        new ArrayList<>(List.of(root.resolve("bin/run-job").toString(), app.jobName()));
    program.addAll(arguments);
    Map<String, String> ownEnvironment = new HashMap<>(environment);
    ownEnvironment.put("CATCAFE_ENV_FILE", state.resolveSibling("no-platform.env").toString());
    return supervise(app, program, ownEnvironment, log, state);
  }

  private static Process supervise(
      CatalogEntry entry,
      List<String> program,
      Map<String, String> environment,
      Path log,
      Path state)
      throws IOException {
    Restart restart = entry.restart();
    List<String> command =
        new ArrayList<>(
            List.of(
                TestingPlatform.projectRoot().resolve("bin/supervise").toString(),
                entry.jobName(),
                state.toString(),
                restart.policy().name(),
                Integer.toString(restart.maxAttempts()),
                Long.toString(restart.backoff().toSeconds()),
                Long.toString(restart.counterReset().toSeconds()),
                Long.toString(entry.stopGrace().toSeconds()),
                "--"));
    command.addAll(program);
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    return builder.start();
  }
}
