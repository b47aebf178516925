package dev.catcafe.batch.quality;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** One run of the checks: its id and time, and every check's result in declaration order. */
public record QualityReport(
    String runId, Instant runTime, List<CheckResult> results, Duration took) {
  public QualityReport {
    requireNonNull(runId, "runId is null");
    requireNonNull(runTime, "runTime is null");
    results = List.copyOf(requireNonNull(results, "results is null"));
    requireNonNull(took, "took is null");
  }

  public List<CheckResult> failures() {
    return results.stream().filter(result -> !result.passed()).toList();
  }

  public boolean passed() {
    return failures().isEmpty();
  }

  /** The run's log line: counts, and every failed check by name with what it observed. */
  @Override
  public String toString() {
    String summary =
        "data quality: run %s, %d checks, %d failed, in %.1f s"
            .formatted(runId, results.size(), failures().size(), took.toMillis() / 1000.0);
    if (passed()) {
      return summary;
    }
    return summary
        + "; FAILED: "
        + failures().stream().map(CheckResult::describe).collect(Collectors.joining("; "));
  }
}
