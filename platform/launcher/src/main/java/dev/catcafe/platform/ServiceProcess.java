package dev.catcafe.platform;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A long-running service process the platform started, found again through its pid file: its start
 * in its own folder under the platform's home, the wait until it is ready, and its stop. The
 * process runs in its own session ({@code setsid}) so that stopping the command that started it, or
 * a Ctrl-C in the terminal, does not take the service down with it.
 */
final class ServiceProcess {
  /**
   * One question to a starting service.
   *
   * <p>An exception means the service could not be asked yet (not listening, not answering): the
   * wait goes on, and the last one is the cause of the timeout's error.
   */
  @FunctionalInterface
  interface ReadinessCheck {
    /** Empty when the service is ready, otherwise what it answered instead. */
    Optional<String> notReadyBecause() throws Exception;
  }

  private final String name;
  private final String displayName;
  private final Path directory;
  private final Path pidFile;
  private final Path logFile;
  private final String marker;
  // The process this object started, if any: known to be ours without reading its command line,
  // which reads empty while the process is exec'ing (setsid into java) right after the start.
  private volatile ProcessHandle started;

  /**
   * A service JVM named {@code name} in its folder, pid file and log, and {@code displayName} in
   * error messages ("Kafka", "The S3 object store").
   */
  ServiceProcess(String name, String displayName, PlatformConfig config) {
    // Every service JVM carries this property, so a recycled pid is never mistaken for ours.
    this(name, displayName, config, "-Dcatcafe.service=" + name + "@" + config.home());
  }

  /**
   * A service that is not a JVM: {@code marker} is a part of its command line no other process has
   * (a path under the platform's home).
   */
  ServiceProcess(String name, String displayName, PlatformConfig config, String marker) {
    this.name = requireNonNull(name, "name is null");
    this.displayName = requireNonNull(displayName, "displayName is null");
    this.directory = directory(config, name);
    this.pidFile = config.runDirectory().resolve(name + ".pid");
    this.logFile = config.logs().resolve(name + ".log");
    this.marker = requireNonNull(marker, "marker is null");
  }

  /** The folder of service {@code name} under the platform's home: its configuration, its data. */
  static Path directory(PlatformConfig config, String name) {
    return config.home().resolve(requireNonNull(name, "name is null"));
  }

  /** Fails with what to run when {@code folder}, which the build makes, is missing. */
  static void requireBuilt(Path folder, String what) {
    if (!Files.isDirectory(folder)) {
      throw new PlatformException(
          "%s not found at %s: run 'make build' first.".formatted(what, folder));
    }
  }

  String marker() {
    return marker;
  }

  /** The service's own folder under the platform's home: its configuration, its working folder. */
  Path directory() {
    return directory;
  }

  boolean isRunning() {
    return running().isPresent();
  }

  /** The running process this pid file names, if it is still ours. */
  Optional<ProcessHandle> running() {
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    try {
      long pid = Long.parseLong(Files.readString(pidFile).strip());
      ProcessHandle ownChild = started;
      if (ownChild != null && ownChild.pid() == pid) {
        return Optional.of(ownChild).filter(ProcessHandle::isAlive);
      }
      return ProcessHandle.of(pid)
          .filter(ProcessHandle::isAlive)
          .filter(
              handle ->
                  handle.info().commandLine().map(line -> line.contains(marker)).orElse(false));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Starts {@code command} detached in the service's folder, output appended to its log. */
  ProcessHandle start(List<String> command) {
    try {
      Files.createDirectories(directory);
      Files.createDirectories(pidFile.getParent());
      Files.createDirectories(logFile.getParent());
      List<String> detached = new ArrayList<>();
      detached.add("setsid");
      detached.addAll(command);
      ProcessBuilder builder =
          new ProcessBuilder(detached)
              .directory(directory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      Process process = builder.start();
      Files.writeString(pidFile, Long.toString(process.pid()));
      started = process.toHandle();
      return started;
    } catch (IOException e) {
      throw new PlatformException("could not start %s: %s".formatted(name, e.getMessage()), e);
    }
  }

  /**
   * Asks {@code check} every {@code interval} until the service is ready; fails at once when the
   * process exits, and with the last answer and the log's tail once {@code timeout} has passed.
   */
  void awaitReady(Duration timeout, Duration interval, ReadinessCheck check) {
    long deadline = System.nanoTime() + timeout.toNanos();
    String lastAnswer = "no answer yet";
    Exception lastFailure = null;
    while (true) {
      if (running().isEmpty()) {
        throw new PlatformException(
            displayName + " exited during start-up. Log tail:\n" + logTail());
      }
      try {
        Optional<String> notReady = check.notReadyBecause();
        if (notReady.isEmpty()) {
          return;
        }
        lastAnswer = notReady.get();
        lastFailure = null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PlatformException("interrupted", e);
      } catch (Exception notYet) {
        lastAnswer = notYet.toString();
        lastFailure = notYet;
      }
      if (System.nanoTime() > deadline) {
        throw new PlatformException(
            "%s did not become ready within %s (last answer: %s). Log tail:%n%s"
                .formatted(displayName, timeout, lastAnswer, logTail()),
            lastFailure);
      }
      LockSupport.parkNanos(interval.toNanos());
    }
  }

  /** Asks the process to stop, then kills it if it has not stopped within {@code grace}. */
  boolean stop(Duration grace) {
    return end(
        handle -> {
          handle.destroy();
          try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
          } catch (Exception e) {
            killAndWait(handle);
          }
        });
  }

  /** SIGKILL, as a crash would: no shutdown at all; the pid file goes. */
  boolean kill() {
    return end(ServiceProcess::killAndWait);
  }

  /** Ends the running process, if any, {@code how}; the pid file goes; whether one ran. */
  private boolean end(Consumer<ProcessHandle> how) {
    Optional<ProcessHandle> process = running();
    process.ifPresent(how);
    deletePidFile();
    return process.isPresent();
  }

  private static void killAndWait(ProcessHandle handle) {
    handle.destroyForcibly();
    handle.onExit().join();
  }

  private void deletePidFile() {
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The last lines of the log, for error messages. */
  String logTail() {
    try {
      List<String> lines = Files.readAllLines(logFile);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    } catch (IOException e) {
      return "(no log at " + logFile + ")";
    }
  }
}
