package dev.catcafe.simulator;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;

/**
 * How the simulator's commands end on a failure they expect (no broker, no database): one line on
 * stderr naming what failed and why, no stack trace, and exit status 1.
 */
final class CommandFailures {
  /**
   * The exit status of a run that failed; a bad option exits with {@link
   * dev.catcafe.model.cli.Commands#USAGE_ERROR} instead.
   */
  static final int FAILED = 1;

  private CommandFailures() {}

  /** Prints {@code what: cause's message} to {@code err} and returns {@link #FAILED}. */
  static int report(PrintWriter err, String what, Exception cause) {
    requireNonNull(err, "err is null");
    requireNonNull(what, "what is null");
    requireNonNull(cause, "cause is null");
    err.println(what + ": " + cause.getMessage());
    err.flush();
    return FAILED;
  }
}
