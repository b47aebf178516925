package dev.catcafe.batch.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.Topic;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TestSummaryProgress {
  @Test
  void roundTripsThroughTableProperties() {
    Map<Topic, Long> snapshots = new HashMap<>();
    snapshots.put(Topic.CAT_WELLNESS, 42L);
    snapshots.put(Topic.CAT_INTERACTIONS, null);
    SummaryProgress progress = new SummaryProgress(snapshots);

    Map<String, String> properties = progress.toProperties();

    assertThat(properties)
        .containsEntry(SummaryProgress.PROPERTY_PREFIX + "cat_wellness_raw", "42")
        .containsEntry(SummaryProgress.PROPERTY_PREFIX + "cat_interactions_raw", "none");
    assertThat(SummaryProgress.fromProperties(properties)).contains(progress);
  }

  @Test
  void nothingRecordedMeansNoProgress() {
    assertThat(SummaryProgress.fromProperties(Map.of())).isEmpty();
    assertThat(
            SummaryProgress.fromProperties(
                Map.of(SummaryProgress.PROPERTY_PREFIX + "cat_wellness_raw", "1")))
        .isEmpty();
  }

  @Test
  void anUnreadableRecordIsAClearError() {
    assertThatThrownBy(
            () ->
                SummaryProgress.fromProperties(
                    Map.of(
                        SummaryProgress.PROPERTY_PREFIX + "cat_wellness_raw", "yesterday",
                        SummaryProgress.PROPERTY_PREFIX + "cat_interactions_raw", "1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cat_wellness_raw")
        .hasMessageContaining("yesterday");
  }

  @Test
  void daySetsPrintAsRunsOfDays() {
    LocalDate first = LocalDate.parse("2026-11-20");
    DaySelection.Days days =
        DaySelection.days(List.of(first.plusDays(5), first, first.plusDays(1), first.plusDays(2)));

    assertThat(days.ranges())
        .containsExactly(
            new DaySelection.DayRange(first, first.plusDays(2)),
            new DaySelection.DayRange(first.plusDays(5), first.plusDays(5)));
    assertThat(days).hasToString("2026-11-20 to 2026-11-22, 2026-11-25");
    assertThat(DaySelection.days(List.of()).isEmpty()).isTrue();
  }

  @Test
  void moreChangedDaysThanOneRunMayRewriteMeanARebuild() {
    LocalDate first = LocalDate.parse("2016-01-01");
    List<LocalDate> decade =
        first.datesUntil(first.plusDays(DaySelection.DayRange.MAX_DAYS)).toList();

    assertThat(DaySelection.changed(decade)).isEqualTo(DaySelection.days(decade));
    assertThat(
            DaySelection.changed(
                first.datesUntil(first.plusDays(DaySelection.DayRange.MAX_DAYS + 1)).toList()))
        .isEqualTo(new DaySelection.AllDays());
  }
}
