package dev.catcafe.spark.testing;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.spark.SessionSettings;
import dev.catcafe.spark.SparkSessions;
import org.apache.spark.sql.SparkSession;

/**
 * The small in-process session of the tests, as Iceberg's Spark tests use: {@code local[2]}, UI
 * off, two shuffle partitions, the driver on the loopback address. One per test class.
 */
public final class TestingSessions {
  private TestingSessions() {}

  /** The tests' settings for {@code appName}, without a catalog. */
  public static SessionSettings.Builder local(String appName) {
    return SessionSettings.builder(appName, "local[2]")
        .ui(false)
        .loopback()
        .shufflePartitions(2)
        .defaultParallelism(2);
  }

  /** A test session on {@code catalog}. */
  public static SparkSession create(String appName, CatalogSettings catalog) {
    return SparkSessions.create(local(appName).catalog(catalog).build());
  }

  /**
   * Stops {@code spark} unless it never started ({@code null}: the setup failed before), for the
   * suites that run once per lake and start a session per lake.
   */
  public static void stopIfStarted(SparkSession spark) {
    if (spark != null) {
      spark.stop();
    }
  }
}
