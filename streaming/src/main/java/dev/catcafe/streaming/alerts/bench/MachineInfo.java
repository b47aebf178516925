package dev.catcafe.streaming.alerts.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What a benchmark ran on: cores, memory, CPU model, load, Java. */
final class MachineInfo {
  private MachineInfo() {}

  static String describe() {
    return "cores (nproc): %d; memory: %s; CPU: %s; load average: %s; Java %s"
        .formatted(
            Runtime.getRuntime().availableProcessors(),
            firstValue(Path.of("/proc/meminfo"), "MemTotal"),
            firstValue(Path.of("/proc/cpuinfo"), "model name"),
            firstLine(Path.of("/proc/loadavg")),
            System.getProperty("java.version"));
  }

  private static String firstValue(Path file, String key) {
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
