package dev.catcafe.batch.schedule;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One line per thing a batch run did, on stdout with a UTC timestamp: the record an operator reads
 * to see which days were rewritten, how many rows, and how long it took. Spark's own logging stays
 * on stderr.
 */
public final class RunLog {
  private static final PrintStream OUT = System.out;

  private RunLog() {}

  public static void info(String message) {
    OUT.println(Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + message);
    OUT.flush();
  }
}
