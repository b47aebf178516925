package dev.catcafe.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The machine a benchmark ran on, printed beside its figures so they can be compared fairly: cores,
 * memory, CPU model, load average at the start (a loaded machine gives lower figures), Java and its
 * garbage collector (the ingestion's figures depend on it).
 */
public final class BenchmarkMachine {
  private BenchmarkMachine() {}

  public static String describe() {
    return ("machine: %d cores (nproc), memory %s, CPU %s, load average %s, JVM max heap %d MiB,"
            + " Java %s, GC %s")
        .formatted(
            Runtime.getRuntime().availableProcessors(),
            value(Path.of("/proc/meminfo"), "MemTotal"),
            value(Path.of("/proc/cpuinfo"), "model name"),
            firstLine(Path.of("/proc/loadavg")),
            Runtime.getRuntime().maxMemory() / (1024 * 1024),
            System.getProperty("java.version"),
            ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName)
                .collect(Collectors.joining(" + ")));
  }

  private static String value(Path file, String key) {
    for (String line : lines(file)) {
      if (line.startsWith(key)) {
        return line.substring(line.indexOf(':') + 1).strip();
      }
    }
    return "unknown";
  }

  private static String firstLine(Path file) {
    List<String> lines = lines(file);
    return lines.isEmpty() ? "unknown" : lines.get(0);
  }

  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      return List.of();
    }
  }
}
