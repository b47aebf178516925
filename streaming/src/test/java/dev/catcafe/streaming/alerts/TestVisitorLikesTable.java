package dev.catcafe.streaming.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.event.PotentialAdopterAlert;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real-time Detective's state: the processor's rules, and snapshots that restore it whole. */
final class TestVisitorLikesTable {
  private static final AdopterDetectiveRules RULES =
      new AdopterDetectiveRules(3, Duration.ofMinutes(30), Duration.ofMinutes(10));
  private static final long NOW = 1_000_000;

  @Test
  void theFourthAndFifthDistinctLikeAndANewerRepeatEachRaiseOneAlert() {
    VisitorLikesTable table = new VisitorLikesTable(RULES);

    assertThat(table.like("v1", "c", 1_000, NOW)).isEmpty();
    assertThat(table.like("v1", "a", 2_000, NOW)).isEmpty();
    assertThat(table.like("v1", "b", 3_000, NOW)).isEmpty();
    Optional<PotentialAdopterAlert> fourth = table.like("v1", "d", 4_000, NOW);
    Optional<PotentialAdopterAlert> fifth = table.like("v1", "e", 5_000, NOW);
    Optional<PotentialAdopterAlert> olderRepeat = table.like("v1", "a", 4_500, NOW);
    Optional<PotentialAdopterAlert> newerRepeat = table.like("v1", "a", 6_000, NOW);

    assertThat(fourth)
        .hasValueSatisfying(
            alert -> {
              assertThat(alert.numberOfLikes()).isEqualTo(4);
              assertThat(alert.likedCats()).isEqualTo("a, b, c, d");
            });
    assertThat(fourth)
        .hasValue(
            AdopterAlerts.alert(
                "v1",
                VisitorLikes.none()
                    .withLike("a", 2_000)
                    .withLike("b", 3_000)
                    .withLike("c", 1_000)
                    .withLike("d", 4_000)));
    assertThat(fifth).map(PotentialAdopterAlert::numberOfLikes).hasValue(5L);
    assertThat(olderRepeat).isEmpty();
    assertThat(newerRepeat).map(PotentialAdopterAlert::numberOfLikes).hasValue(5L);
    assertThat(table.like("v2", "a", 6_000, NOW)).as("another visitor").isEmpty();
  }

  @Test
  void aLikeBehindTheWatermarkIsLateAndChangesNothing() {
    VisitorLikesTable table = new VisitorLikesTable(RULES);
    long latest = Duration.ofHours(1).toMillis();
    table.like("v1", "a", latest, NOW);

    long tooOld = latest - RULES.watermarkDelay().toMillis() - 1;
    assertThat(table.isLate(tooOld)).isTrue();
    assertThat(table.isLate(tooOld + 1)).isFalse();
    assertThat(table.like("v1", "b", tooOld, NOW)).isEmpty();
    assertThat(table.likesOf("v1", NOW).likedCats()).containsExactly("a");
  }

  @Test
  void aVisitorIdlePastTheTtlStartsFromNothing() {
    VisitorLikesTable table = new VisitorLikesTable(RULES);
    for (String cat : new String[] {"a", "b", "c"}) {
      table.like("idle", cat, 1_000, NOW);
    }
    long afterTtl = NOW + RULES.stateTtl().toMillis() + 1;

    assertThat(table.like("idle", "d", 2_000, afterTtl)).isEmpty();
    assertThat(table.likesOf("idle", afterTtl).likedCats()).containsExactly("d");

    table.forgetIdle(afterTtl + RULES.stateTtl().toMillis() + 1);
    assertThat(table.size()).isZero();
  }

  @Test
  void aSnapshotRestoresEveryVisitorAndTheWatermark() throws IOException {
    VisitorLikesTable table = new VisitorLikesTable(RULES);
    for (String cat : new String[] {"a", "b", "c"}) {
      table.like("v1", cat, 60_000, NOW);
    }
    table.like("v2", "a", Duration.ofHours(1).toMillis(), NOW);

    VisitorLikesTable restored = roundTrip(table);

    assertThat(restored.size()).isEqualTo(2);
    assertThat(restored.likesOf("v1", NOW)).isEqualTo(table.likesOf("v1", NOW));
    assertThat(restored.isLate(1_000)).isTrue();
    assertThat(restored.like("v1", "d", Duration.ofHours(1).toMillis(), NOW))
        .map(PotentialAdopterAlert::numberOfLikes)
        .hasValue(4L);
  }

  @Test
  void eachBatchStartsFromTheLatestSnapshotBeforeIt(@TempDir Path directory) {
    VisitorLikesSnapshots snapshots = new VisitorLikesSnapshots(directory.toString(), Map.of());
    VisitorLikesTable afterBatchThree = new VisitorLikesTable(RULES);
    afterBatchThree.like("v1", "a", 1_000, NOW);
    snapshots.save(0, 3, afterBatchThree);
    VisitorLikesTable afterBatchFour = snapshots.loadBefore(0, 4, RULES);
    afterBatchFour.like("v1", "b", 2_000, NOW);
    snapshots.save(0, 4, afterBatchFour);

    assertThat(snapshots.loadBefore(0, 3, RULES).size()).as("before the first").isZero();
    assertThat(snapshots.loadBefore(0, 4, RULES).likesOf("v1", NOW).likedCats())
        .as("batch 4 run again")
        .containsExactly("a");
    assertThat(snapshots.loadBefore(0, 9, RULES).likesOf("v1", NOW).likedCats())
        .containsExactly("a", "b");
    assertThat(snapshots.loadBefore(1, 9, RULES).size()).as("another partition").isZero();
  }

  @Test
  void keepsTheLatestSnapshotsOnly(@TempDir Path directory) {
    VisitorLikesSnapshots snapshots = new VisitorLikesSnapshots(directory.toString(), Map.of());
    for (long batch = 0; batch < 12; batch++) {
      snapshots.save(0, batch, new VisitorLikesTable(RULES));
    }

    assertThat(snapshots.batchIds(0)).containsExactly(7L, 8L, 9L, 10L, 11L);
  }

  @Test
  void aSnapshotOfAnotherFormatIsRefused(@TempDir Path directory) throws IOException {
    Path partition = Files.createDirectories(directory.resolve("partition-0"));
    Files.write(partition.resolve("1.snapshot"), new byte[] {0, 0, 0, 99});

    assertThatThrownBy(
            () -> new VisitorLikesSnapshots(directory.toString(), Map.of()).loadBefore(0, 2, RULES))
        .isInstanceOf(UncheckedIOException.class)
        .hasRootCauseMessage("visitor likes snapshot has format 99: expected 1");
  }

  private static VisitorLikesTable roundTrip(VisitorLikesTable table) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      table.writeTo(out);
    }
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return VisitorLikesTable.readFrom(in, RULES);
    }
  }
}
