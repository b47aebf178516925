package dev.catcafe.batch;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.cli.CatalogOptions;
import dev.catcafe.model.cli.EventLogOption;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.EventLogSettings;
import dev.catcafe.spark.SessionSettings;
import dev.catcafe.spark.SparkMasterOption;
import dev.catcafe.spark.SparkSessions;
import java.util.Optional;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Mixin;

/**
 * The options every batch job on the lake shares (a picocli mixin): the Iceberg catalog, the Spark
 * master and the event log. Declared once here so the jobs cannot drift apart in what they accept.
 */
public final class LakeBatchOptions {
  @Mixin private CatalogOptions catalogOptions;
  @Mixin private SparkMasterOption sparkMaster;
  @Mixin private EventLogOption eventLog;

  /** The lake's catalog these options name. */
  public CatalogSettings catalog() {
    return catalogOptions.settings();
  }

  /** The Spark master to run on. */
  public String sparkMaster() {
    return sparkMaster.master();
  }

  /** Where to write the Spark event log; empty: no event log. */
  public Optional<EventLogSettings> eventLog() {
    return eventLog.settings();
  }

  /**
   * Runs {@code job} in a {@link SessionSettings#lakeBatch lake batch} session named {@code
   * appName} on {@code catalog}, and stops the session when it returns or fails. The catalog is
   * this mixin's {@link #catalog()}, which the job reads first with its other settings, so that a
   * bad setting fails before anything starts.
   */
  public <T> T inSession(String appName, CatalogSettings catalog, Function<SparkSession, T> job) {
    requireNonNull(catalog, "catalog is null");
    requireNonNull(job, "job is null");
    SparkSession spark =
        SparkSessions.create(
            SessionSettings.lakeBatch(appName, sparkMaster(), catalog)
                .eventLog(eventLog())
                .build());
    try {
      return job.apply(spark);
    } finally {
      spark.stop();
    }
  }
}
