package dev.catcafe.batch.schedule;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.spark.LakehouseSessions;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session the batch jobs run in when started from a shell ({@code bin/run}): in-process
 * on every core unless {@code -Dspark.master} says otherwise, UI off, a modest shuffle width (the
 * adaptive executor coalesces further). Any {@code -Dspark.*} system property overrides these.
 */
public final class BatchSessions {
  private BatchSessions() {}

  public static SparkSession create(String appName, CatalogSettings catalog) {
    SparkSession.Builder builder = LakehouseSessions.builder(appName, catalog);
    setUnlessGiven(builder, "spark.master", "local[*]");
    setUnlessGiven(builder, "spark.ui.enabled", "false");
    setUnlessGiven(builder, "spark.sql.shuffle.partitions", "16");
    setUnlessGiven(builder, "spark.driver.bindAddress", "127.0.0.1");
    setUnlessGiven(builder, "spark.driver.host", "127.0.0.1");
    SparkSession spark = builder.getOrCreate();
    spark.sparkContext().setLogLevel(System.getProperty("catcafe.spark.log.level", "WARN"));
    return spark;
  }

  private static void setUnlessGiven(SparkSession.Builder builder, String key, String value) {
    if (System.getProperty(key) == null) {
      builder.config(key, value);
    }
  }
}
