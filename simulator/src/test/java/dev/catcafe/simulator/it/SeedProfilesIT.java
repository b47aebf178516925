package dev.catcafe.simulator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.catcafe.model.CatArchetype;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.simulator.Databases;
import dev.catcafe.simulator.SeedProfiles;
import dev.catcafe.simulator.SeedProfiles.Seeding;
import dev.catcafe.simulator.profile.CatProfile;
import dev.catcafe.simulator.profile.ProfileCounts;
import dev.catcafe.simulator.profile.ProfileGenerator;
import dev.catcafe.simulator.profile.ProfileStore;
import dev.catcafe.simulator.profile.ProfileStore.SeedOutcome;
import dev.catcafe.simulator.profile.Profiles;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalPlatformExtension.class)
final class SeedProfilesIT {
  private static final LocalDateTime CHECKUP = LocalDateTime.of(2025, 10, 28, 8, 0);

  @Test
  void seedsTheOriginalCafeWithItsDistributions(TestingPlatform platform) throws SQLException {
    PostgresSettings postgres = platform.isolatedPostgres(RunNames.database("sim_seed_original"));
    long started = System.nanoTime();
    SeedOutcome outcome =
        new Seeding(postgres, 11, true, ProfileCounts.ORIGINAL, CHECKUP).writeProfiles();
    assertThat(outcome).isEqualTo(new SeedOutcome(true, 11_000, 1_000));
    System.out.printf("Seeded 12,000 rows in %.2f s%n", (System.nanoTime() - started) / 1e9);

    try (Connection connection = Databases.connect(postgres)) {
      assertThat(single(connection, "SELECT count(*) FROM cats WHERE status = 'adopted'"))
          .isEqualTo(10_000);
      assertThat(single(connection, "SELECT count(*) FROM cats WHERE status = 'available'"))
          .isEqualTo(1_000);
      assertThat(single(connection, "SELECT count(*) FROM visitors")).isEqualTo(1_000);

      Map<String, Long> mix =
          grouped(
              connection,
              "SELECT archetype, count(*) FROM cats WHERE status = 'adopted' GROUP BY 1");
      assertThat(mix.get("social_kitten") / 10_000.0).isCloseTo(0.415, within(0.02));
      assertThat(mix.get("standard") / 10_000.0).isCloseTo(0.229, within(0.02));
      assertThat(mix.get("shy") / 10_000.0).isCloseTo(0.229, within(0.02));
      assertThat(mix.get("sleepy_senior") / 10_000.0).isCloseTo(0.127, within(0.02));
      assertThat(
              single(
                      connection,
                      "SELECT count(*) FROM cats WHERE status = 'adopted' AND coat_color = 'black'")
                  / 10_000.0)
          .isCloseTo(0.138, within(0.015));

      for (CatArchetype archetype : CatArchetype.values()) {
        String where = " FROM cats WHERE archetype = '%s'".formatted(archetype.wireName());
        assertThat(single(connection, "SELECT min(age)" + where))
            .isEqualTo(ProfileGenerator.minimumAge(archetype));
        assertThat(single(connection, "SELECT max(age)" + where))
            .isEqualTo(ProfileGenerator.maximumAge(archetype));
      }
      assertThat(
              single(
                  connection,
                  "SELECT count(*) FROM cats WHERE admitted_date < '2025-01-01' OR admitted_date > '2025-10-01'"
                      + " OR adopted_date < admitted_date OR adopted_date > '2025-10-28'"
                      + " OR (status = 'adopted') <> (adopted_date IS NOT NULL)"
                      + " OR admitted_date <> date_trunc('day', admitted_date)"))
          .isZero();
      assertThat(single(connection, "SELECT count(DISTINCT name) FROM cats")).isGreaterThan(190);
    }
  }

  @Test
  void secondRunLeavesTheRowsResetRebuildsThemAndTheSeedReproducesThem(TestingPlatform platform)
      throws SQLException {
    PostgresSettings postgres = platform.isolatedPostgres(RunNames.database("sim_seed_cli"));
    Map<String, String> env = SimulatorProcess.environment(unusedKafka(), postgres);
    String[] small = {
      "--adopted-cats",
      "200",
      "--available-cats",
      "30",
      "--visitors",
      "40",
      "--checkup-time",
      "2025-10-28T08:00:00"
    };

    SimulatorProcess first =
        SimulatorProcess.start(SeedProfiles.class, env, concat(small, "--seed", "5"));
    assertThat(first.await(Duration.ofSeconds(60))).as(first.stderr()).isZero();
    assertThat(first.stdout()).contains("Seeded %s: 230 cats".formatted(postgres.database()));
    List<String> firstRows = rows(postgres);

    SimulatorProcess again =
        SimulatorProcess.start(SeedProfiles.class, env, concat(small, "--seed", "6"));
    assertThat(again.await(Duration.ofSeconds(60))).as(again.stderr()).isZero();
    assertThat(again.stdout()).contains("already holds 230 cats and 40 visitors");
    assertThat(rows(postgres)).isEqualTo(firstRows);

    SimulatorProcess other =
        SimulatorProcess.start(SeedProfiles.class, env, concat(small, "--seed", "6", "--reset"));
    assertThat(other.await(Duration.ofSeconds(60))).as(other.stderr()).isZero();
    List<String> otherRows = rows(postgres);
    assertThat(otherRows).hasSize(firstRows.size()).doesNotContainAnyElementsOf(firstRows);

    SimulatorProcess replay =
        SimulatorProcess.start(SeedProfiles.class, env, concat(small, "--seed", "5", "--reset"));
    assertThat(replay.await(Duration.ofSeconds(60))).as(replay.stderr()).isZero();
    assertThat(rows(postgres)).isEqualTo(firstRows);
  }

  @Test
  void aFailureMidwayLeavesNothingWritten(TestingPlatform platform) throws SQLException {
    PostgresSettings postgres = platform.isolatedPostgres(RunNames.database("sim_seed_atomic"));
    Profiles valid =
        ProfileGenerator.withBundledNames().generate(3, new ProfileCounts(2_500, 10, 10), CHECKUP);
    List<CatProfile> cats = new ArrayList<>(valid.cats());
    cats.add(cats.get(0)); // a duplicate primary key in the third batch
    try (Connection connection = Databases.connect(postgres)) {
      ProfileStore store = new ProfileStore(connection);
      assertThatThrownBy(() -> store.seed(() -> new Profiles(cats, valid.visitors()), false))
          .isInstanceOf(SQLException.class);
      assertThat(
              single(
                  connection,
                  "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('cats', 'visitors')"))
          .as("the tables were created in the failed transaction too")
          .isZero();
    }
  }

  @Test
  void anUnreachableDatabaseFailsWithAClearMessage() {
    PostgresSettings nowhere =
        new PostgresSettings("jdbc:postgresql://127.0.0.1:1/cafe", "cafe", "x");
    SimulatorProcess seed =
        SimulatorProcess.start(
            SeedProfiles.class, SimulatorProcess.environment(unusedKafka(), nowhere));
    assertThat(seed.await(Duration.ofSeconds(60))).isEqualTo(1);
    assertThat(seed.stderr())
        .contains(
            "Seeding failed, nothing was written: cannot connect to PostgreSQL at jdbc:postgresql://127.0.0.1:1/cafe")
        .doesNotContain("\tat ");
  }

  private static KafkaSettings unusedKafka() {
    return new KafkaSettings("127.0.0.1:9");
  }

  /** Every row of both tables as text, in id order: what "identical rows" means. */
  private static List<String> rows(PostgresSettings postgres) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection connection = Databases.connect(postgres);
        Statement statement = connection.createStatement()) {
      for (String query :
          List.of(
              "SELECT c::text FROM cats c ORDER BY cat_id",
              "SELECT v::text FROM visitors v ORDER BY visitor_id")) {
        try (ResultSet result = statement.executeQuery(query)) {
          while (result.next()) {
            rows.add(result.getString(1));
          }
        }
      }
    }
    return rows;
  }

  private static long single(Connection connection, String query) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static Map<String, Long> grouped(Connection connection, String query)
      throws SQLException {
    Map<String, Long> groups = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(query)) {
      while (result.next()) {
        groups.put(result.getString(1), result.getLong(2));
      }
    }
    return groups;
  }

  private static String[] concat(String[] first, String... more) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }
}
