package dev.catcafe.bench.soak;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What one look at the running platform saw.
 *
 * @param elapsed time since the soak started
 * @param produced records on the simulator's topics so far (sum of their end offsets)
 * @param jobs one sample per watched job
 * @param ui the alert UI's own counts, if it answered
 */
public record SoakSample(
    Duration elapsed, long produced, List<JobSample> jobs, Optional<UiSample> ui) {
  public SoakSample {
    requireNonNull(elapsed, "elapsed is null");
    jobs = List.copyOf(jobs);
    requireNonNull(ui, "ui is null");
  }

  /**
   * One job at one moment.
   *
   * @param job the job's name
   * @param lag records on its topics beyond its last committed batch; empty before its first commit
   *     (the checkpoint does not yet say which topics it reads)
   * @param memory its JVM's memory, if it ran
   * @param stateBytes the size of its checkpointed state ({@code state/}), 0 for a stateless job
   */
  public record JobSample(
      String job, OptionalLong lag, Optional<JvmMemory> memory, long stateBytes) {
    public JobSample {
      requireNonNull(job, "job is null");
      requireNonNull(lag, "lag is null");
      requireNonNull(memory, "memory is null");
    }

    public OptionalLong heapUsedBytes() {
      return memory.map(JvmMemory::heapUsedBytes).orElse(OptionalLong.empty());
    }

    public OptionalLong residentBytes() {
      return memory.map(m -> OptionalLong.of(m.residentBytes())).orElse(OptionalLong.empty());
    }
  }

  /**
   * The alert UI's queues, from its {@code /health}.
   *
   * @param websocketConnections pages connected to the feed
   * @param pendingWriteBacks adoption write-backs waiting for PostgreSQL
   */
  public record UiSample(long websocketConnections, long pendingWriteBacks) {}
}
