package dev.catcafe.batch.snapshot;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/** What one {@code ProfileSnapshotJob} run did. */
public record ProfileSnapshotResult(
    ProfileSnapshotSink.TableSnapshot cats,
    ProfileSnapshotSink.TableSnapshot visitors,
    Duration duration) {
  public ProfileSnapshotResult {
    requireNonNull(cats, "cats is null");
    requireNonNull(visitors, "visitors is null");
    requireNonNull(duration, "duration is null");
  }

  @Override
  public String toString() {
    return "profile snapshot: %s %d rows (snapshot %d), %s %d rows (snapshot %d), in %.1f s"
        .formatted(
            cats.table().tableName(),
            cats.rows(),
            cats.snapshotId(),
            visitors.table().tableName(),
            visitors.rows(),
            visitors.snapshotId(),
            duration.toMillis() / 1000.0);
  }
}
