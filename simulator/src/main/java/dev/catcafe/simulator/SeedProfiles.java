package dev.catcafe.simulator;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.cli.PostgresOptions;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.simulator.profile.ProfileCounts;
import dev.catcafe.simulator.profile.ProfileGenerator;
import dev.catcafe.simulator.profile.ProfileStore;
import dev.catcafe.simulator.profile.ProfileStore.SeedOutcome;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code make seed}: creates the operational tables {@code cats} and {@code visitors} and fills
 * them with the original generator's distributions (spec §1.3). Idempotent: tables that already
 * hold rows are left alone unless {@code --reset} is given. Reproducible: {@code --seed} fixes
 * every value, ids included.
 */
@Command(
    name = "seed-profiles",
    description = "Create and fill the cafe's cats and visitors tables in PostgreSQL.")
public final class SeedProfiles implements Callable<Integer> {
  @Mixin PostgresOptions postgres;

  @Option(
      names = "--seed",
      defaultValue = "20251007",
      description = "Random seed: the same seed gives the same rows.")
  private long seed;

  @Option(
      names = "--reset",
      description =
          "Empty and refill both tables (in one transaction) even if they hold data; the UI's"
              + " adoption decisions are emptied too.")
  private boolean reset;

  @Option(names = "--adopted-cats", defaultValue = "" + ProfileCounts.ORIGINAL_ADOPTED_CATS)
  private int adoptedCats;

  @Option(names = "--available-cats", defaultValue = "" + ProfileCounts.ORIGINAL_AVAILABLE_CATS)
  private int availableCats;

  @Option(names = "--visitors", defaultValue = "" + ProfileCounts.ORIGINAL_VISITORS)
  private int visitors;

  @Option(
      names = "--checkup-time",
      paramLabel = "yyyy-MM-ddTHH:mm:ss",
      description =
          "last_checkup_time of every cat (UTC). Default: now. Pin it to reproduce rows exactly.")
  private String checkupTime;

  @Spec private CommandSpec spec;

  public static void main(String[] args) {
    Commands.run(new SeedProfiles(), args);
  }

  /**
   * What one run seeds, validated.
   *
   * @param postgres the database to seed
   * @param seed the random seed: the same seed gives the same rows
   * @param reset rebuild the tables even if they hold data
   * @param counts how many cats and visitors
   * @param checkupTime {@code last_checkup_time} of every cat (UTC)
   */
  public record Seeding(
      PostgresSettings postgres,
      long seed,
      boolean reset,
      ProfileCounts counts,
      LocalDateTime checkupTime) {
    public Seeding {
      requireNonNull(postgres, "postgres is null");
      requireNonNull(counts, "counts is null");
      requireNonNull(checkupTime, "checkupTime is null");
    }

    /**
     * Seeds the database with the bundled names' profiles, the one way the command and the tests
     * seed: creates the tables if needed and fills them unless they hold rows (or {@code reset}).
     */
    public SeedOutcome writeProfiles() throws SQLException {
      try (Connection connection = Databases.connect(postgres)) {
        return new ProfileStore(connection)
            .seed(
                () -> ProfileGenerator.withBundledNames().generate(seed, counts, checkupTime),
                reset);
      }
    }
  }

  /** The validated run the options describe; throws {@link IllegalArgumentException} if bad. */
  Seeding seeding() {
    return new Seeding(
        postgres.settings(),
        seed,
        reset,
        new ProfileCounts(adoptedCats, availableCats, visitors),
        parseCheckupTime(checkupTime));
  }

  @Override
  public Integer call() {
    Seeding seeding = seeding();
    PostgresSettings settings = seeding.postgres();
    ProfileCounts counts = seeding.counts();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long started = System.nanoTime();
    try {
      SeedOutcome outcome = seeding.writeProfiles();
      double seconds = (System.nanoTime() - started) / 1e9;
      if (outcome.inserted()) {
        out.printf(
            "Seeded %s: %d cats (%d adopted, %d available) and %d visitors in %.2f s (seed %d).%n",
            settings.database(),
            outcome.cats(),
            counts.adoptedCats(),
            counts.availableCats(),
            outcome.visitors(),
            seconds,
            seeding.seed());
      } else {
        out.printf(
            "%s already holds %d cats and %d visitors: left as is (--reset rebuilds).%n",
            settings.database(), outcome.cats(), outcome.visitors());
      }
      out.flush();
      return 0;
    } catch (SQLException e) {
      return CommandFailures.report(err, "Seeding failed, nothing was written", e);
    }
  }

  private static LocalDateTime parseCheckupTime(String text) {
    if (text == null) {
      return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }
    try {
      return LocalDateTime.parse(text).truncatedTo(ChronoUnit.SECONDS);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "--checkup-time is '%s': expected yyyy-MM-ddTHH:mm:ss".formatted(text));
    }
  }
}
