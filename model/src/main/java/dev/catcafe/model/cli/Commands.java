package dev.catcafe.model.cli;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine;

/**
 * Runs a picocli command the same way for every entry point: {@code --help} and {@code --version}
 * on every command, each option's default shown in the help; a bad argument or an invalid setting
 * prints the reason and the usage to stderr and exits 2; a failure while running prints the cause
 * and exits 1.
 */
public final class Commands {
  /** Exit status for a usage or configuration error. */
  public static final int USAGE_ERROR = 2;

  private Commands() {}

  /** Parses {@code args} into {@code command}, runs it, and returns the exit status. */
  public static int execute(Object command, String... args) {
    return commandLine(command).execute(args);
  }

  /** The command line {@link #execute} runs: the shared help, converters and error handling. */
  static CommandLine commandLine(Object command) {
    requireNonNull(command, "command is null");
    CommandLine commandLine = new CommandLine(command);
    // Every command answers --help and --version, so no command has to ask for them.
    commandLine.getCommandSpec().mixinStandardHelpOptions(true);
    // Every option's help ends with its default, so no description has to spell it out again.
    commandLine.getCommandSpec().usageMessage().showDefaultValues(true);
    // One reading of durations for every option, even one that forgot to name the converter.
    commandLine.registerConverter(Duration.class, new Durations.Converter());
    commandLine.setExecutionExceptionHandler(
        (exception, failedCommandLine, parseResult) -> {
          if (exception instanceof IllegalArgumentException) {
            PrintWriter err = failedCommandLine.getErr();
            err.println("Invalid configuration: " + exception.getMessage());
            failedCommandLine.usage(err);
            return USAGE_ERROR;
          }
          throw exception;
        });
    return commandLine;
  }

  /** {@link #execute} then exits the JVM with its status: for {@code main} methods only. */
  public static void run(Object command, String... args) {
    System.exit(execute(command, args));
  }
}
