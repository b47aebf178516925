package dev.catcafe.batch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The machine a benchmark ran on, printed with its figures so they can be compared fairly. */
final class MachineInfo {
  private MachineInfo() {}

  static String describe() {
    return "machine: %d cores (nproc), %s memory, CPU %s, JVM max heap %d MiB, Java %s"
        .formatted(
            Runtime.getRuntime().availableProcessors(),
            procValue("/proc/meminfo", "MemTotal"),
            procValue("/proc/cpuinfo", "model name"),
            Runtime.getRuntime().maxMemory() / (1024 * 1024),
            System.getProperty("java.version"));
  }

  private static String procValue(String file, String key) {
    try {
      List<String> lines = Files.readAllLines(Path.of(file));
      return lines.stream()
          .filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).strip())
          .findFirst()
          .orElse("unknown");
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }
}
