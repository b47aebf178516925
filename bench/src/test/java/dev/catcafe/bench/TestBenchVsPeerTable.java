package dev.catcafe.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/bench-vs-peer --table-from}: the side-by-side table read back from the benchmarks' own
 * result lines (copied from real runs), including a run whose peer log is empty, and the
 * ingestion's ceiling after the table.
 */
final class TestBenchVsPeerTable {
  private static final String MACHINE =
      "machine: 2 cores (nproc), memory 24683652 kB, CPU AMD EPYC, Java 17.0.15";

  private static final String CONSUMER_CEILING =
      "ceiling, a plain consumer reading the records' bytes (2 threads): 5,000,000 events in 4.0"
          + " s: 1,250,000 events/s, 1.2 CPU-s per million events";
  private static final String INGESTION_SHARE =
      "ingestion at 12% of the plain consumer, 40% of the Parquet write, 52% of the two in a row"
          + " (281,000 events/s)";

  @TempDir Path logs;

  @Test
  void readsEachResultLineIntoItsRowAndSaysWhatIsMissing() throws Exception {
    write(
        "project-ingest.log",
        MACHINE,
        "ingested 5,000,000 events in 34.1 s: 146,458 events/s end to end; 11.4 CPU-s per"
            + " million events (process CPU 57.0 s over 34.1 s wall = 1.67 cores busy)",
        "  cat_interactions_raw    1,750,000 rows  data files    4 -> 1 (compaction 3.1 s)",
        CONSUMER_CEILING,
        INGESTION_SHARE);
    write(
        "peer-ingest.log",
        "RESULT flink-peer ingested 5,000,000 events in 24.1 s: 207,638 events/s end to end; 8.8"
            + " CPU-s per million events (process CPU 44.0 s over 24.1 s wall = 1.83 cores busy)");
    write(
        "project-alerts.log",
        MACHINE,
        "run                    target/s    sent/s   alerts   p50 ms   p90 ms   p99 ms   max ms",
        "guardian-realtime          1000      1000      286        3        4        6        9",
        "detective-microbatch       1000      1000      573      142      198      607      648");
    write("peer-guardian.log"); // a peer run that printed nothing
    write(
        "peer-detective.log",
        "flink-detective            1000      1000      600       57       95      104      108");

    String table = table();

    assertThat(table)
        .startsWith("Machine: 2 cores (nproc)")
        .contains(
            "| ingest, 5,000,000-event backlog | 146,458 ev/s, 11.4 CPU-s/M"
                + " | 207,638 ev/s, 8.8 CPU-s/M | 0.71x events/s |",
            "| Guardian real-time, p50 / p99 at 1000/s | 3 / 6 ms, 286 alerts | (missing) | |",
            "| Guardian micro-batch, p50 / p99 at 1000/s | (missing) | (missing) | |",
            "| Detective real-time, p50 / p99 at 1000/s | (missing) | 57 / 104 ms, 600 alerts | |",
            "| Detective micro-batch, p50 / p99 at 1000/s | 142 / 607 ms, 573 alerts"
                + " | 57 / 104 ms, 600 alerts | 5.84x p99 |")
        .endsWith("\n" + CONSUMER_CEILING + "\n" + INGESTION_SHARE + "\n")
        .doesNotContain("compaction");
  }

  private void write(String name, String... lines) throws IOException {
    Files.write(logs.resolve(name), List.of(lines), StandardCharsets.UTF_8);
  }

  private String table() throws Exception {
    Process script =
        new ProcessBuilder(
                projectRoot().resolve("bin/bench-vs-peer").toString(),
                "--table-from",
                logs.toString(),
                "--rates",
                "1000")
            .redirectErrorStream(true)
            .start();
    String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(script.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(script.exitValue()).as(output).isZero();
    return output;
  }

  private static Path projectRoot() {
    Path directory = Path.of("").toAbsolutePath();
    while (directory != null && !Files.exists(directory.resolve("bin/bench-vs-peer"))) {
      directory = directory.getParent();
    }
    assertThat(directory).as("a checkout with bin/bench-vs-peer above").isNotNull();
    return directory;
  }
}
