package dev.catcafe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.jobs.Restart;
import dev.catcafe.model.jobs.RestartPolicy;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/supervise}, the local supervisor {@code bin/app} starts every background application
 * behind: it restarts by the catalog's policy with back-off and a count, gives up after the allowed
 * attempts, and on SIGTERM passes the signal on and kills only after the grace period.
 */
final class TestSupervise {
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @TempDir Path directory;

  @Test
  void restartsAFailingProgramWithBackOffThenGivesUpCountingTheRestarts() throws Exception {
    Path runs = directory.resolve("runs");
    Process supervisor =
        supervise(Restart.always(2), 1, 5, "echo run >> '%s'; exit 1".formatted(runs));

    long started = System.nanoTime();
    assertThat(supervisor.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(supervisor.exitValue()).isEqualTo(1);
    assertThat(Files.readAllLines(runs)).as("the first run and two restarts").hasSize(3);
    assertThat(took).as("two back-offs of 1 s").isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(state()).isEqualTo("state=failed restarts=2 last_exit=1 child=- grace=5");
    assertThat(output(supervisor))
        .contains("restart 1 of 2 in 1s", "restart 2 of 2 in 1s", "giving up");
  }

  @Test
  void readsItsOwnStateFileBackFieldByField() throws Exception {
    Path state = directory.resolve("demo.state");
    assertThat(stateField(state, "restarts")).as("no state file yet").isEqualTo("-");

    Process supervisor = supervise(Restart.always(1), 0, 5, "exit 3");
    assertThat(supervisor.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

    assertThat(stateField(state, "state")).isEqualTo("failed");
    assertThat(stateField(state, "restarts")).isEqualTo("1");
    assertThat(stateField(state, "last_exit")).isEqualTo("3");
    assertThat(stateField(state, "grace")).isEqualTo("5");
  }

  @Test
  void everyPolicyRestartsExactlyWhenTheCatalogsRestartSays() throws Exception {
    // Every policy of the catalog, so bin/supervise's copy of the decision cannot drift from it.
    for (RestartPolicy policy : RestartPolicy.values()) {
      Restart restart =
          new Restart(policy, policy == RestartPolicy.Never ? 0 : 1, Duration.ZERO, Duration.ZERO);
      for (int status : new int[] {0, 1, 2, 137}) {
        Path runs = directory.resolve("runs-%s-%d".formatted(restart.policy(), status));
        Process supervisor =
            supervise(restart, 0, 5, "echo run >> '%s'; exit %d".formatted(runs, status));
        assertThat(supervisor.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readAllLines(runs))
            .as("%s after exit %d", restart.policy(), status)
            .hasSize(restart.restartsAfter(status) ? 2 : 1);
      }
    }
  }

  @Test
  void sigtermReachesTheProgramWhichStopsWithinTheGrace() throws Exception {
    Path stopped = directory.resolve("stopped");
    Process supervisor =
        supervise(
            Restart.always(5),
            1,
            20,
            "trap 'echo term > \"%s\"; exit 0' TERM; echo ready; while :; do sleep 0.1; done"
                .formatted(stopped));
    awaitReady(supervisor);

    long started = System.nanoTime();
    // The handle only signals; Process.destroy would also close the pipe the test reads.
    supervisor.toHandle().destroy();
    assertThat(supervisor.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(supervisor.exitValue()).isZero();
    assertThat(Files.readString(stopped)).isEqualTo("term\n");
    assertThat(state()).startsWith("state=stopped restarts=0 last_exit=0");
  }

  @Test
  void aProgramThatIgnoresSigtermIsKilledAfterTheGrace() throws Exception {
    Process supervisor =
        supervise(Restart.always(5), 1, 2, "trap '' TERM; echo ready; while :; do sleep 0.1; done");
    awaitReady(supervisor);

    long started = System.nanoTime();
    // The handle only signals; Process.destroy would also close the pipe the test reads.
    supervisor.toHandle().destroy();
    assertThat(supervisor.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isBetween(Duration.ofSeconds(2), Duration.ofSeconds(10));
    assertThat(output(supervisor)).contains("did not stop within 2s: SIGKILL");
    assertThat(state()).startsWith("state=stopped restarts=0 last_exit=137");
  }

  private Process supervise(Restart restart, int backoffSeconds, int graceSeconds, String script)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(projectRoot().resolve("bin/supervise").toString());
    command.addAll(
        List.of(
            "demo",
            directory.resolve("demo.state").toString(),
            restart.policy().name(),
            Integer.toString(restart.maxAttempts()),
            Integer.toString(backoffSeconds),
            "0",
            Integer.toString(graceSeconds),
            "--",
            "sh",
            "-c",
            script));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  /** Reads the supervisor's output until its program says it is ready (a blocking read). */
  private static void awaitReady(Process supervisor) throws IOException {
    BufferedReader output =
        new BufferedReader(
            new InputStreamReader(supervisor.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = output.readLine()) != null) {
      if (line.equals("ready")) {
        return;
      }
    }
    throw new AssertionError("the supervised program ended before it was ready");
  }

  private static String stateField(Path state, String field) throws Exception {
    Process reader =
        new ProcessBuilder(
                projectRoot().resolve("bin/supervise").toString(),
                "--state-field",
                state.toString(),
                field)
            .redirectErrorStream(true)
            .start();
    String printed = output(reader).strip();
    assertThat(reader.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(reader.exitValue()).as(printed).isZero();
    return printed;
  }

  private String state() throws IOException {
    return Files.readString(directory.resolve("demo.state")).strip();
  }

  private static String output(Process supervisor) throws IOException {
    return new String(supervisor.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static Path projectRoot() {
    Path directory = Path.of("").toAbsolutePath();
    while (directory != null && !Files.exists(directory.resolve("bin/supervise"))) {
      directory = directory.getParent();
    }
    assertThat(directory)
        .as("a checkout with bin/supervise above the working directory")
        .isNotNull();
    return directory;
  }
}
