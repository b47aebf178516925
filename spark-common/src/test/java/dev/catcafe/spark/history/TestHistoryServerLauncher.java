package dev.catcafe.spark.history;

import static dev.catcafe.model.testing.ConfigAssertions.assertFullMapping;
import static dev.catcafe.model.testing.ConfigAssertions.assertRecordedDefaults;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.config.ObjectStoreSettings;
import dev.catcafe.model.config.SparkCatalogConf;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Pins the History Server's options and defaults, and maps each onto its settings. */
final class TestHistoryServerLauncher {
  @Test
  void recordsEveryDefault() {
    assertRecordedDefaults(
        new HistoryServerLauncher(),
        """
        --log-directory            ""
        --bind-address             127.0.0.1
        --port                     18080
        --retention                7d
        --update-interval          10s
        --rolling-files-to-retain  2
        --s3-endpoint              ""
        --s3-region                us-east-1
        """);
  }

  @Test
  void mapsEveryOption() {
    assertFullMapping(
        HistoryServerLauncher::new,
        """
        --log-directory            s3://lake/spark-events
        --bind-address             0.0.0.0
        --port                     18081
        --retention                2d
        --update-interval          1s
        --rolling-files-to-retain  3
        --s3-endpoint              http://store:8080
        --s3-region                eu-west-1
        """,
        HistoryServerLauncher::settings,
        new HistoryServerSettings(
            "s3://lake/spark-events",
            "0.0.0.0",
            18081,
            Duration.ofDays(2),
            Duration.ofSeconds(1),
            3,
            Optional.of(new ObjectStoreSettings("http://store:8080", "eu-west-1", "", ""))));
  }

  @Test
  void readsAnS3DirectoryThroughS3aAsTheJobsWriteIt() {
    HistoryServerSettings settings =
        new HistoryServerSettings(
            "s3://lake/spark-events",
            "0.0.0.0",
            HistoryServerSettings.DEFAULT_PORT,
            Duration.ofDays(7),
            Duration.ofSeconds(10),
            2,
            Optional.of(ObjectStoreSettings.cloud("eu-west-1")));
    assertThat(settings.sparkConf())
        .containsEntry("spark.history.fs.logDirectory", "s3://lake/spark-events")
        .containsAllEntriesOf(
            SparkCatalogConf.hadoopObjectStoreConf(ObjectStoreSettings.cloud("eu-west-1")));
    assertThatThrownBy(
            () ->
                new HistoryServerSettings(
                    "file:///e",
                    "127.0.0.1",
                    1,
                    Duration.ofDays(1),
                    Duration.ofDays(1),
                    1,
                    Optional.of(ObjectStoreSettings.cloud("eu-west-1"))))
        .hasMessageContaining("s3://");
  }

  @Test
  void theSparkSettingsReadTheDirectoryAndCleanIt() {
    HistoryServerSettings settings =
        new HistoryServerSettings(
            "file:///tmp/events",
            "127.0.0.1",
            HistoryServerSettings.DEFAULT_PORT,
            Duration.ofDays(7),
            Duration.ofSeconds(10),
            2,
            Optional.empty());
    assertThat(settings.sparkConf())
        .containsEntry("spark.history.fs.logDirectory", "file:///tmp/events")
        .containsEntry("spark.history.ui.port", "18080")
        .containsEntry("spark.history.fs.update.interval", "10000ms")
        .containsEntry("spark.history.fs.cleaner.enabled", "true")
        .containsEntry("spark.history.fs.cleaner.maxAge", "604800s")
        .containsEntry("spark.history.fs.eventLog.rolling.maxFilesToRetain", "2");
  }

  @Test
  void rejectsAMissingDirectoryABadPortAndNonPositiveDurations() {
    Duration day = Duration.ofDays(1);
    assertThatThrownBy(
            () -> new HistoryServerSettings(null, "127.0.0.1", 1, day, day, 1, Optional.empty()))
        .hasMessageContaining("SPARK_EVENT_LOG_DIR");
    assertThatThrownBy(
            () ->
                new HistoryServerSettings("/e", "127.0.0.1", 70000, day, day, 1, Optional.empty()))
        .hasMessageContaining("SPARK_HISTORY_PORT");
    assertThatThrownBy(
            () ->
                new HistoryServerSettings(
                    "/e", "127.0.0.1", 1, Duration.ZERO, day, 1, Optional.empty()))
        .hasMessageContaining("--retention");
    assertThatThrownBy(
            () -> new HistoryServerSettings("/e", "127.0.0.1", 1, day, day, 0, Optional.empty()))
        .hasMessageContaining("rollingFilesToRetain");
  }
}
