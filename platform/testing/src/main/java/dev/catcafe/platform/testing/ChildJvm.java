package dev.catcafe.platform.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A main class of the test's own classpath started as a JVM of its own, with the Spark JVM flags
 * every job runs with ({@code etc/spark-jvm.args}), so a test can kill, stop or watch it as the
 * platform would a job.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /**
   * Starts {@code mainClass} with {@code arguments}, {@code environment} added to this one's, and
   * {@code jvmOptions} (a heap size, an armed fault point); its output goes to {@code log}.
   */
  public static Process start(
      String mainClass,
      Map<String, String> environment,
      Path log,
      List<String> arguments,
      List<String> jvmOptions)
      throws IOException {
    requireNonNull(mainClass, "mainClass is null");
    requireNonNull(environment, "environment is null");
    requireNonNull(log, "log is null");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@" + TestingPlatform.projectRoot().resolve("etc/spark-jvm.args"));
    command.addAll(requireNonNull(jvmOptions, "jvmOptions is null"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(requireNonNull(arguments, "arguments is null"));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    return builder.start();
  }
}
