package dev.catcafe.streaming.ingest;

import static java.util.Objects.requireNonNull;

import dev.catcafe.platform.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@link RawIngestionJob} (or another streaming job) in a JVM of its own, so a test can kill it
 * like a crash would.
 */
public final class IngestionProcess implements AutoCloseable {
  private final Process process;

  private IngestionProcess(Process process) {
    this.process = process;
  }

  /**
   * Starts the job with {@code arguments}, environment {@code environment}, output to {@code log}.
   */
  static IngestionProcess start(Map<String, String> environment, Path log, List<String> arguments)
      throws IOException {
    return start(environment, log, arguments, List.of());
  }

  /** As {@link #start(Map, Path, List)}, with extra JVM options (e.g. an armed fault point). */
  static IngestionProcess start(
      Map<String, String> environment, Path log, List<String> arguments, List<String> jvmOptions)
      throws IOException {
    return startJob(RawIngestionJob.class, environment, log, arguments, jvmOptions);
  }

  /** Starts the streaming job {@code mainClass} as {@link #start(Map, Path, List, List)} does. */
  public static IngestionProcess startJob(
      Class<?> mainClass,
      Map<String, String> environment,
      Path log,
      List<String> arguments,
      List<String> jvmOptions)
      throws IOException {
    requireNonNull(mainClass, "mainClass is null");
    List<String> options = new ArrayList<>();
    options.add("-Xmx768m");
    options.addAll(jvmOptions);
    return new IngestionProcess(
        ChildJvm.start(
            mainClass.getName(), environment, log, withFreeMetricsPort(arguments), options));
  }

  /**
   * {@code arguments}, with {@code --metrics-port=0} unless they choose a port themselves: a job a
   * test starts must not take the catalog's fixed port, which a {@code make run} on the same
   * machine holds.
   */
  public static List<String> withFreeMetricsPort(List<String> arguments) {
    boolean chosen =
        arguments.stream()
            .anyMatch(
                argument ->
                    argument.startsWith("--metrics-port") || argument.equals("--no-metrics"));
    if (chosen) {
      return arguments;
    }
    List<String> withPort = new ArrayList<>(arguments);
    withPort.add("--metrics-port=0");
    return withPort;
  }

  /** Waits up to {@code timeout} for the process to end by itself; its exit status. */
  public int awaitExit(Duration timeout, Path log) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      kill();
      throw new AssertionError(
          "the ingestion did not end within %s (log %s)".formatted(timeout, log));
    }
    return process.exitValue();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no graceful stop, whatever was in flight is cut off. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(1, TimeUnit.MINUTES);
  }

  /** SIGTERM, then SIGKILL if the job has not stopped within a minute. */
  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
          kill();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * SIGTERM alone, as {@code make down} and the kubelet send it; waits up to {@code timeout} for
   * the job to exit (then SIGKILL and fails naming {@code log}).
   *
   * @return how long the job took to exit
   */
  Duration terminate(Duration timeout, Path log) throws InterruptedException {
    long started = System.nanoTime();
    process.toHandle().destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(
          "the job did not stop within %s of SIGTERM (log %s)".formatted(timeout, log));
    }
    return Duration.ofNanos(System.nanoTime() - started);
  }

  /** The exit status of an ended job. */
  int exitStatus() {
    return process.exitValue();
  }
}
