package dev.catcafe.spark;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The one way the jobs, tools, benchmarks and tests build a Spark session: from {@link
 * SessionSettings}. The settings win over {@code spark.*} system properties, so a cluster's
 * spark-submit cannot change a setting a job depends on (shuffle partitions frozen into a
 * checkpoint, the in-process master of a driver-only job). Log levels are not set here: they belong
 * to the log configuration ({@code log4j2.properties}). A lake in an object store is checked
 * ({@link ObjectStoreCheck}) before the session exists, so bad keys, a missing bucket or an
 * unreachable endpoint stop a job before it writes anything.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /** The session the settings describe (or the running one of this JVM, reconfigured). */
  public static SparkSession create(SessionSettings settings) {
    requireNonNull(settings, "settings is null");
    settings.catalog().ifPresent(ObjectStoreCheck::verify);
    Map<String, String> conf = settings.sparkConf();
    // Spark refuses to start when the event-log directory is missing: the job creates it, in the
    // platform home or in the lake's store.
    settings.eventLog().ifPresent(log -> EventLogDirectories.create(log.directory(), conf));
    SparkSession.Builder builder = SparkSession.builder();
    conf.forEach(builder::config);
    return builder.getOrCreate();
  }
}
