package dev.catcafe.simulator.it;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.testing.TestingPlatform;
import java.io.File;
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
 * Runs a simulator main class in its own JVM, as {@code bin/run} does, from the runnable layout the
 * build just wrote ({@code simulator/target/dist/lib}), with the settings in its environment (the
 * database password is read from the environment only, never from arguments).
 */
final class SimulatorProcess {
  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private SimulatorProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** Environment variables naming {@code kafka} and {@code postgres}. */
  static Map<String, String> environment(KafkaSettings kafka, PostgresSettings postgres) {
    Map<String, String> env = new LinkedHashMap<>();
    env.putAll(kafka.environment());
    env.put("POSTGRES_URL", postgres.jdbcUrl());
    env.put("POSTGRES_USER", postgres.user());
    env.put("POSTGRES_PASSWORD", postgres.password());
    return env;
  }

  static SimulatorProcess start(Class<?> main, Map<String, String> environment, String... args) {
    requireNonNull(main, "main is null");
    Path module = TestingPlatform.projectRoot().resolve("simulator");
    Path libraries = module.resolve("target/dist/lib");
    if (!Files.isDirectory(libraries)) {
      throw new IllegalStateException(libraries + " is missing: package the simulator first");
    }
    String classpath = libraries + File.separator + "*";
    try {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Xmx512m");
      command.add("-cp");
      command.add(classpath);
      command.add(main.getName());
      command.addAll(List.of(args));
      Path output = Files.createTempDirectory("simulator-process");
      Path stdout = output.resolve("stdout");
      Path stderr = output.resolve("stderr");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile());
      // Only what the test gives: no settings leak in from the developer's shell.
      builder
          .environment()
          .keySet()
          .removeIf(name -> name.startsWith("KAFKA_") || name.startsWith("POSTGRES_"));
      builder.environment().putAll(environment);
      return new SimulatorProcess(builder.start(), stdout, stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the exit status, killing the process after {@code timeout}. */
  int await(Duration timeout) {
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "still running after %s; stderr:%n%s".formatted(timeout, stderr()));
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends SIGTERM, as {@code kill} or a container stop would. */
  void terminate() {
    process.destroy();
  }

  String stdout() {
    return read(stdout);
  }

  String stderr() {
    return read(stderr);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
