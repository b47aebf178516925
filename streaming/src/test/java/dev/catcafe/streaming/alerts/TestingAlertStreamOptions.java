package dev.catcafe.streaming.alerts;

import static dev.catcafe.model.testing.TestingOptions.KAFKA_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.KAFKA_DEFAULTS;
import static dev.catcafe.model.testing.TestingOptions.METRICS_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.METRICS_DEFAULTS;

import dev.catcafe.model.config.EventLogSettings;
import dev.catcafe.model.config.LifecycleSettings;
import dev.catcafe.model.config.ObjectStoreSettings;
import java.time.Duration;
import java.util.Optional;

/** {@link AlertStreamOptions} as both alert jobs' config tests record it, written once. */
final class TestingAlertStreamOptions {
  static final String STREAM_DEFAULTS =
      KAFKA_DEFAULTS
          + """
          --checkpoint-location
          --starting-offsets     latest
          --stop-timeout         30s
          --startup-timeout      5m
          --event-log-dir        ""
          --s3-endpoint          ""
          --s3-region            us-east-1
          """
          + METRICS_DEFAULTS;

  /** Gives {@link dev.catcafe.model.testing.TestingOptions#KAFKA_SETTINGS} and these values. */
  static final String STREAM_ARGUMENTS =
      KAFKA_ARGUMENTS
          + """
          --checkpoint-location  /tmp/cp
          --starting-offsets     earliest
          --stop-timeout         10s
          --startup-timeout      1m
          --event-log-dir        s3://lake/events
          --s3-endpoint          http://store:9000
          --s3-region            eu-west-1
          """
          + METRICS_ARGUMENTS;

  /** The lifecycle {@link #STREAM_ARGUMENTS} give. */
  static final LifecycleSettings STREAM_LIFECYCLE =
      new LifecycleSettings(Duration.ofSeconds(10), Duration.ofMinutes(1));

  /** The event log {@link #STREAM_ARGUMENTS} give: in the object store they name. */
  static final Optional<EventLogSettings> STREAM_EVENT_LOG =
      Optional.of(
          EventLogSettings.in("s3://lake/events")
              .inStore(new ObjectStoreSettings("http://store:9000", "eu-west-1", "", "")));

  private TestingAlertStreamOptions() {}
}
