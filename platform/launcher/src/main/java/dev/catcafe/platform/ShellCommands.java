package dev.catcafe.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short helper commands (initdb, pg_ctl, chown) and fails with their output. */
final class ShellCommands {
  private ShellCommands() {}

  static String run(List<String> command, int timeoutSeconds) {
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new PlatformException(
            "timed out after %ds: %s".formatted(timeoutSeconds, String.join(" ", command)));
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.exitValue() != 0) {
        throw new PlatformException(
            "failed (exit %d): %s%n%s"
                .formatted(process.exitValue(), String.join(" ", command), output.strip()));
      }
      return output;
    } catch (IOException e) {
      throw new PlatformException("could not run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("interrupted: " + String.join(" ", command), e);
    }
  }

  /** Whether the command exits 0 (its output ignored). */
  static boolean succeeds(List<String> command) {
    try {
      run(command, 60);
      return true;
    } catch (PlatformException e) {
      return false;
    }
  }
}
