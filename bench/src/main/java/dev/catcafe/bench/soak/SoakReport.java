package dev.catcafe.bench.soak;

import static java.util.Objects.requireNonNull;

import dev.catcafe.bench.soak.SoakSample.JobSample;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * The soak's figures: a block per sample as it is taken, and at the end, for each job and each
 * series (lag, heap, RSS, state), whether it stayed bounded after the warm-up ({@link Flatness}).
 */
public final class SoakReport {
  private static final long MIB = 1024 * 1024;

  /** Lag may wobble by a few batches' worth of records; memory by a garbage collector's cycle. */
  static final Flatness LAG = new Flatness(1.5, 20_000);

  static final Flatness MEMORY = new Flatness(1.25, 128 * MIB);
  static final Flatness STATE = new Flatness(1.5, 16 * MIB);

  private final Duration warmUp;
  private final PrintStream out;
  private final List<SoakSample> samples = new ArrayList<>();

  public SoakReport(Duration warmUp, PrintStream out) {
    this.warmUp = requireNonNull(warmUp, "warmUp is null");
    this.out = requireNonNull(out, "out is null");
  }

  /** Records {@code sample} and prints it. */
  public void add(SoakSample sample) {
    requireNonNull(sample, "sample is null");
    long perMinute = 0;
    if (!samples.isEmpty()) {
      SoakSample previous = samples.get(samples.size() - 1);
      long millis = Math.max(1, sample.elapsed().minus(previous.elapsed()).toMillis());
      perMinute = (sample.produced() - previous.produced()) * 60_000 / millis;
    }
    samples.add(sample);
    String ui =
        sample
            .ui()
            .map(
                u ->
                    "ui: %d websocket(s), %d write-back(s) pending"
                        .formatted(u.websocketConnections(), u.pendingWriteBacks()))
            .orElse("ui: -");
    out.printf(
        "[%s] produced %,d (%,d/min)   %s%n",
        clock(sample.elapsed()), sample.produced(), perMinute, ui);
    for (JobSample job : sample.jobs()) {
      out.printf(
          "  %-20s lag %10s   heap %s   rss %s   state %s%n",
          job.job(),
          job.lag().isPresent() ? "%,d".formatted(job.lag().getAsLong()) : "-",
          mebibytes(job.heapUsedBytes()),
          mebibytes(job.residentBytes()),
          job.stateBytes() == 0 ? "-" : "%,.1f MiB".formatted(job.stateBytes() / (double) MIB));
    }
    out.flush();
  }

  /**
   * Prints, per job and series, the peaks of the two halves after the warm-up and the verdict; the
   * names of the series that grew (empty if all stayed bounded).
   */
  public List<String> printVerdict() {
    List<SoakSample> measured =
        samples.stream().filter(sample -> sample.elapsed().compareTo(warmUp) >= 0).toList();
    out.printf(
        "%nBounded after the %s warm-up (%d samples; second half's peak vs first half's):%n",
        warmUp, measured.size());
    List<String> grew = new ArrayList<>();
    if (samples.isEmpty()) {
      return grew;
    }
    for (JobSample job : samples.get(0).jobs()) {
      Map<String, Series> series = new LinkedHashMap<>();
      series.put("lag", new Series(LAG, JobSample::lag));
      series.put("heap", new Series(MEMORY, JobSample::heapUsedBytes));
      series.put("rss", new Series(MEMORY, JobSample::residentBytes));
      series.put("state", new Series(STATE, sample -> OptionalLong.of(sample.stateBytes())));
      for (Map.Entry<String, Series> entry : series.entrySet()) {
        List<Long> values = entry.getValue().values(measured, job.job());
        boolean bounded = entry.getValue().flatness().holds(values);
        out.printf("  %-20s %-6s %s%n", job.job(), entry.getKey(), bounded ? "bounded" : "GREW");
        if (!bounded) {
          grew.add(job.job() + " " + entry.getKey());
        }
      }
    }
    return grew;
  }

  private record Series(Flatness flatness, Function<JobSample, OptionalLong> value) {
    List<Long> values(List<SoakSample> samples, String job) {
      List<Long> values = new ArrayList<>();
      for (SoakSample sample : samples) {
        for (JobSample jobSample : sample.jobs()) {
          OptionalLong v =
              jobSample.job().equals(job) ? value.apply(jobSample) : OptionalLong.empty();
          v.ifPresent(values::add);
        }
      }
      return values;
    }
  }

  private static String clock(Duration elapsed) {
    return "%02d:%02d".formatted(elapsed.toMinutes(), elapsed.toSecondsPart());
  }

  private static String mebibytes(OptionalLong bytes) {
    return bytes.isPresent() ? "%,5d MiB".formatted(bytes.getAsLong() / MIB) : "    - MiB";
  }
}
