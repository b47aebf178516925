package dev.catcafe.batch.schedule;

import static java.util.Objects.requireNonNull;

import dev.catcafe.platform.testing.TestingPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a batch main class as its own JVM through {@code bin/run}, the way {@code make batch} does,
 * from the runnable layout the build just wrote ({@code batch/target/dist}), with the test's
 * endpoints in the environment; waits with a deadline and returns the exit status and output.
 */
public final class BatchProcesses {
  private BatchProcesses() {}

  /** The exit status, stdout and stderr of a finished run. */
  public record Outcome(int exitStatus, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit %d%n--- stdout ---%n%s%n--- stderr (tail) ---%n%s"
          .formatted(exitStatus, stdout, stderr.substring(Math.max(0, stderr.length() - 4000)));
    }
  }

  public static Outcome run(
      Map<String, String> environment, Duration timeout, String mainClass, String... args) {
    requireNonNull(environment, "environment is null");
    Path root = TestingPlatform.projectRoot();
    List<String> command = new ArrayList<>();
    command.add(root.resolve("bin/run").toString());
    command.add("batch");
    command.add(requireNonNull(mainClass, "mainClass is null"));
    command.addAll(List.of(args));
    if (mainClass.equals(BatchScheduler.class.getName())) {
      // A scheduler a test starts must not take the catalog's metrics port (make run holds it).
      command.add("--metrics-port=0");
    }
    Map<String, String> childEnvironment = new LinkedHashMap<>(environment);
    // bin/run would otherwise load the developer's platform.env over the test's endpoints.
    childEnvironment.put("CATCAFE_ENV_FILE", "/dev/null");
    // The layout of this build, not the one `make build` last installed under .work/dist.
    childEnvironment.put("CATCAFE_DIST_DIR", root.resolve("batch/target/dist").toString());
    // JVM options the test adds (e.g. an armed fault point) come after the heap size.
    childEnvironment.put(
        "JAVA_OPTS", ("-Xmx1g " + environment.getOrDefault("JAVA_OPTS", "")).strip());
    childEnvironment.put("SPARK_MASTER", "local[2]");
    return runCommand(command, childEnvironment, timeout);
  }

  /**
   * Runs {@code command} in the project root with {@code environment} added to this JVM's; waits
   * with a deadline.
   */
  public static Outcome runCommand(
      List<String> command, Map<String, String> environment, Duration timeout) {
    requireNonNull(command, "command is null");
    requireNonNull(environment, "environment is null");
    try {
      Path stdout = Files.createTempFile("batch-run", ".out");
      Path stderr = Files.createTempFile("batch-run", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(TestingPlatform.projectRoot().toFile())
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(
            "%s did not finish within %s; stderr:%n%s"
                .formatted(command.get(0), timeout, Files.readString(stderr)));
      }
      Outcome outcome =
          new Outcome(
              process.exitValue(),
              Files.readString(stdout, StandardCharsets.UTF_8),
              Files.readString(stderr, StandardCharsets.UTF_8));
      Files.deleteIfExists(stdout);
      Files.deleteIfExists(stderr);
      return outcome;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
