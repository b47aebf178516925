package dev.catcafe.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every option of the scheduler reaches its {@link ScheduleSettings}. */
final class TestBatchSchedulerOptions {
  @Test
  void mapsEveryOptionToScheduleSettings() {
    BatchScheduler scheduler = new BatchScheduler();
    new CommandLine(scheduler).parseArgs("--interval=15m", "--once");

    assertThat(scheduler.schedule()).isEqualTo(new ScheduleSettings(Duration.ofMinutes(15), true));
  }
}
