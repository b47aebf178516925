package dev.catcafe.model.config;

import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static dev.catcafe.model.testing.ConfigAssertions.parseWithoutEnvironment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.cli.EventLogOption;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

final class TestEventLogSettings {
  @Command(name = "job")
  static final class Job {
    @Mixin EventLogOption eventLog;
  }

  @Test
  void recordsTheOptionsDefault() {
    assertRecordedDefaults(new Job(), "--event-log-dir  \"\"");
  }

  @Test
  void mapsTheOptionOntoTheSettings() {
    assertFullMapping(
        Job::new,
        "--event-log-dir  file:///lake/spark-events",
        job -> job.eventLog.settings(),
        Optional.of(new EventLogSettings("file:///lake/spark-events", "128m")));
  }

  @Test
  void withoutOptionOrEnvironmentThereIsNoEventLog() {
    assertThat(parseWithoutEnvironment(new Job()).eventLog.settings()).isEmpty();
    assertThat(parseWithoutEnvironment(new Job(), "--event-log-dir= ").eventLog.settings())
        .isEmpty();
  }

  @Test
  void theLogIsCompressedAndRolled() {
    assertThat(EventLogSettings.in("file:///tmp/events").sparkConf())
        .containsEntry("spark.eventLog.enabled", "true")
        .containsEntry("spark.eventLog.dir", "file:///tmp/events")
        .containsEntry("spark.eventLog.compress", "true")
        .containsEntry("spark.eventLog.compression.codec", "zstd")
        .containsEntry("spark.eventLog.rolling.enabled", "true")
        .containsEntry("spark.eventLog.rolling.maxFileSize", "128m");
  }

  @Test
  void rejectsAMissingDirectoryAndSizesSparkRefuses() {
    assertThatThrownBy(() -> EventLogSettings.in(" ")).hasMessageContaining("SPARK_EVENT_LOG_DIR");
    assertThatThrownBy(() -> new EventLogSettings("/e", "9m")).hasMessageContaining("10m");
    assertThatThrownBy(() -> new EventLogSettings("/e", "128")).hasMessageContaining("128m or 1g");
    assertThat(new EventLogSettings("/e", "1g").rollingMaxFileSize()).isEqualTo("1g");
  }
}
