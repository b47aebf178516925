package dev.catcafe.bench.ingest;

import com.sun.management.OperatingSystemMXBean;
import dev.catcafe.bench.Stopwatch;
import java.lang.management.ManagementFactory;

/**
 * Wall time and the whole process' CPU time since it was started: what the ingestion benchmarks
 * report per event (the process holds the job, or the ceiling's consumers and writer, and nothing
 * else busy).
 */
final class ProcessClock {
  private final OperatingSystemMXBean system =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private final Stopwatch wall = Stopwatch.start();
  private final long cpuAtStartNanos = system.getProcessCpuTime();

  private ProcessClock() {}

  static ProcessClock start() {
    return new ProcessClock();
  }

  double wallSeconds() {
    return wall.seconds();
  }

  double cpuSeconds() {
    return (system.getProcessCpuTime() - cpuAtStartNanos) / 1e9;
  }
}
