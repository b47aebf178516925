package dev.catcafe.bench;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine.Command;

/**
 * What every benchmark's command line shares, as a picocli mixin: the standard {@code --help} and
 * {@code --version} options, and the machine line printed before the figures (see {@link
 * BenchmarkMachine}) so that figures from different runs can be compared fairly.
 */
@Command(mixinStandardHelpOptions = true)
public final class BenchmarkCommand {
  /** Prints the machine line, before any figure. */
  public void printMachine(PrintStream out) {
    out.println(BenchmarkMachine.describe());
  }

  /** Prints the machine line to a command's own output and flushes it. */
  public void printMachine(PrintWriter out) {
    out.println(BenchmarkMachine.describe());
    out.flush();
  }
}
