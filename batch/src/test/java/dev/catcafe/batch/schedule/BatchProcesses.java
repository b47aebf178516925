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
    try {
      Path stdout = Files.createTempFile("batch-run", ".out");
      Path stderr = Files.createTempFile("batch-run", ".err");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(root.toFile())
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile());
      builder.environment().putAll(environment);
      // bin/run would otherwise load the developer's platform.env over the test's endpoints.
      builder.environment().put("CATCAFE_ENV_FILE", "/dev/null");
      // The layout of this build, not the one `make build` last installed under .work/dist.
      builder.environment().put("CATCAFE_DIST_DIR", root.resolve("batch/target/dist").toString());
      // JVM options the test adds (e.g. an armed fault point) come after the heap size.
      builder
          .environment()
          .put("JAVA_OPTS", ("-Xmx1g " + environment.getOrDefault("JAVA_OPTS", "")).strip());
      builder.environment().put("SPARK_MASTER", "local[2]");
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError(
            "%s did not finish within %s; stderr:%n%s"
                .formatted(mainClass, timeout, Files.readString(stderr)));
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
