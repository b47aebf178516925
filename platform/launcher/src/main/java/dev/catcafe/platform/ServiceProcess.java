package dev.catcafe.platform;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A long-running service process the platform started, found again through its pid file. The
 * process runs in its own session ({@code setsid}) so that stopping the command that started it, or
 * a Ctrl-C in the terminal, does not take the service down with it.
 */
final class ServiceProcess {
  private final String name;
  private final Path pidFile;
  private final Path logFile;
  private final String marker;
  // The process this object started, if any: known to be ours without reading its command line,
  // which reads empty while the process is exec'ing (setsid into java) right after the start.
  private volatile ProcessHandle started;

  ServiceProcess(String name, PlatformConfig config) {
    // Every service JVM carries this property, so a recycled pid is never mistaken for ours.
    this(name, config, "-Dcatcafe.service=" + name + "@" + config.home());
  }

  /**
   * A service that is not a JVM: {@code marker} is a part of its command line no other process has
   * (a path under the platform's home).
   */
  ServiceProcess(String name, PlatformConfig config, String marker) {
    this.name = requireNonNull(name, "name is null");
    this.pidFile = config.runDirectory().resolve(name + ".pid");
    this.logFile = config.logs().resolve(name + ".log");
    this.marker = requireNonNull(marker, "marker is null");
  }

  String marker() {
    return marker;
  }

  Path logFile() {
    return logFile;
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

  /** Starts {@code command} detached, output appended to the service's log. */
  ProcessHandle start(List<String> command, Path workingDirectory, Map<String, String> env) {
    try {
      Files.createDirectories(pidFile.getParent());
      Files.createDirectories(logFile.getParent());
      List<String> detached = new ArrayList<>();
      detached.add("setsid");
      detached.addAll(command);
      ProcessBuilder builder =
          new ProcessBuilder(detached)
              .directory(workingDirectory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
      builder.environment().putAll(env);
      Process process = builder.start();
      Files.writeString(pidFile, Long.toString(process.pid()));
      started = process.toHandle();
      return started;
    } catch (IOException e) {
      throw new PlatformException("could not start %s: %s".formatted(name, e.getMessage()), e);
    }
  }

  /** Asks the process to stop, then kills it if it has not stopped within {@code grace}. */
  boolean stop(Duration grace) {
    Optional<ProcessHandle> process = running();
    process.ifPresent(
        handle -> {
          handle.destroy();
          try {
            handle.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
          } catch (Exception e) {
            handle.destroyForcibly();
            handle.onExit().join();
          }
        });
    deletePidFile();
    return process.isPresent();
  }

  /** SIGKILL, as a crash would: no shutdown at all; the pid file goes. */
  boolean kill() {
    Optional<ProcessHandle> process = running();
    process.ifPresent(
        handle -> {
          handle.destroyForcibly();
          handle.onExit().join();
        });
    deletePidFile();
    return process.isPresent();
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
