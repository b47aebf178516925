package dev.catcafe.batch.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.cli.Commands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

final class TestDailyCatSummaryJobArguments {
  /** 00:30 UTC: still the previous day in the Americas, which must not matter. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-22T00:30:00Z"), ZoneOffset.ofHours(-8));

  @Test
  void defaultIsYesterdayAndTodayInUtc() {
    assertThat(selection())
        .isEqualTo(
            new DaySelection.DayRange(
                LocalDate.parse("2026-11-21"), LocalDate.parse("2026-11-22")));
  }

  @Test
  void dayRangeAndAll() {
    assertThat(selection("--day", "2026-11-03")).isEqualTo(DaySelection.day(date("2026-11-03")));
    assertThat(selection("--from", "2026-11-01", "--to", "2026-11-03"))
        .isEqualTo(new DaySelection.DayRange(date("2026-11-01"), date("2026-11-03")));
    assertThat(selection("--all")).isEqualTo(new DaySelection.AllDays());
    assertThat(new DaySelection.DayRange(date("2026-11-01"), date("2026-11-03")).days())
        .containsExactly(date("2026-11-01"), date("2026-11-02"), date("2026-11-03"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--day 2026-13-01",
        "--day yesterday",
        "--from 2026-11-01",
        "--to 2026-11-01",
        "--day 2026-11-01 --all",
        "--from 2026-11-05 --to 2026-11-01",
        "--from 1026-11-05 --to 2026-11-01",
        "--no-such-option"
      })
  void badArgumentsPrintUsageAndExitNonZero(String arguments) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream originalErr = System.err;
    // Commands prints through picocli, which writes to System.err as it is when the command runs.
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int status;
    try {
      status = Commands.execute(new DailyCatSummaryJob(), arguments.split(" "));
    } finally {
      System.setErr(originalErr);
    }
    assertThat(status).isEqualTo(Commands.USAGE_ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Usage: daily-cat-summary");
  }

  private static DaySelection selection(String... args) {
    DailyCatSummaryJob job = new DailyCatSummaryJob();
    new CommandLine(job).parseArgs(args);
    return job.daySelection(CLOCK);
  }

  private static LocalDate date(String day) {
    return LocalDate.parse(day);
  }
}
