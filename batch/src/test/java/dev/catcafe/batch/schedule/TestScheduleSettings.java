package dev.catcafe.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.cli.Commands;
import java.time.Duration;
import org.junit.jupiter.api.Test;

final class TestScheduleSettings {
  @Test
  void anIntervalUnderAMinuteIsRefused() {
    assertThatThrownBy(() -> new ScheduleSettings(Duration.ofSeconds(5), false))
        .hasMessageContaining("at least");
    assertThat(new ScheduleSettings(Duration.ofMinutes(1), true).once()).isTrue();
  }

  @Test
  void badSchedulerArgumentsAreUsageErrorsBeforeAnythingStarts() {
    assertThat(Commands.execute(new BatchScheduler(), "--interval", "soon"))
        .isEqualTo(Commands.USAGE_ERROR);
    assertThat(Commands.execute(new BatchScheduler(), "--interval", "10s", "--once"))
        .isEqualTo(Commands.USAGE_ERROR);
    assertThat(Commands.execute(new BatchScheduler(), "--every", "1h"))
        .isEqualTo(Commands.USAGE_ERROR);
  }
}
