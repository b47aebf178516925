package dev.catcafe.streaming.lifecycle;

import dev.catcafe.model.jobs.Restart;
import dev.catcafe.model.jobs.SparkJob;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.streaming.ingest.IngestionProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
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
    Restart restart = job.restart();
    Path root = TestingPlatform.projectRoot();
    List<String> command =
        new ArrayList<>(
            List.of(
                root.resolve("bin/supervise").toString(),
                job.jobName(),
                state.toString(),
                restart.policy().name(),
                Integer.toString(restart.maxAttempts()),
                Long.toString(restart.backoff().toSeconds()),
                Long.toString(restart.counterReset().toSeconds()),
                Long.toString(job.stopGrace().toSeconds()),
                "--",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + root.resolve("etc/spark-jvm.args"),
                "-Xmx768m",
                "-cp",
                System.getProperty("java.class.path"),
                job.mainClass()));
    command.addAll(IngestionProcess.withFreeMetricsPort(arguments));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    return builder.start();
  }
}
