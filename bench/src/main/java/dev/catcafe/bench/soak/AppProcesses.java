package dev.catcafe.bench.soak;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Finds the JVM of an application {@code bin/app} runs: its pid file names the supervisor, whose
 * descendant {@code java} process is the application (a restart gives it a new pid, so it is looked
 * up at every sample).
 */
public final class AppProcesses {
  private final Path pidDirectory;

  /** Applications whose pid files are in {@code pidDirectory} ({@code <home>/run/apps}). */
  public AppProcesses(Path pidDirectory) {
    this.pidDirectory = requireNonNull(pidDirectory, "pidDirectory is null");
  }

  /** The pid of application {@code name}'s JVM, if it runs. */
  public OptionalLong javaPid(String name) {
    requireNonNull(name, "name is null");
    Path pidFile = pidDirectory.resolve(name + ".pid");
    long supervisor;
    try {
      supervisor = Long.parseLong(Files.readString(pidFile).strip());
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
    Optional<ProcessHandle> java =
        ProcessHandle.of(supervisor).stream()
            .flatMap(ProcessHandle::descendants)
            .filter(AppProcesses::isJava)
            .findFirst();
    return java.map(handle -> OptionalLong.of(handle.pid())).orElse(OptionalLong.empty());
  }

  private static boolean isJava(ProcessHandle process) {
    return process.info().command().map(command -> command.endsWith("/java")).orElse(false);
  }
}
