package dev.catcafe.batch;

import static dev.catcafe.model.testing.TestingOptions.CATALOG_ARGUMENTS;
import static dev.catcafe.model.testing.TestingOptions.CATALOG_DEFAULTS;

import dev.catcafe.model.config.EventLogSettings;
import java.util.Optional;

/**
 * {@link LakeBatchOptions} as every batch command's config test records it, written once (as {@code
 * TestingOptions} does for the model's mixins): its defaults, a non-default value for each option,
 * and the settings those values give. A command's test joins them to its own options' table.
 */
public final class TestingLakeBatchOptions {
  public static final String LAKE_BATCH_DEFAULTS =
      CATALOG_DEFAULTS
          + """
          --spark-master            local[*]
          --event-log-dir           ""
          """;

  public static final String LAKE_BATCH_ARGUMENTS =
      CATALOG_ARGUMENTS
          + """
          --spark-master            local[3]
          --event-log-dir           file:///tmp/events
          """;

  /** The Spark master {@link #LAKE_BATCH_ARGUMENTS} name. */
  public static final String SPARK_MASTER = "local[3]";

  /** The event log {@link #LAKE_BATCH_ARGUMENTS} ask for. */
  public static final Optional<EventLogSettings> EVENT_LOG =
      Optional.of(EventLogSettings.in("file:///tmp/events"));

  private TestingLakeBatchOptions() {}
}
