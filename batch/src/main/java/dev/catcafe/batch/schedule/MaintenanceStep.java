package dev.catcafe.batch.schedule;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.CatalogSettings;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;

/**
 * HOOK: the table-maintenance step of the batch sequence. {@code TableMaintenanceJob} is written
 * separately; it is looked up by name and its {@code public static run(SparkSession,
 * CatalogSettings)} called, so the scheduler builds and runs whether or not that job is present yet
 * (when absent the step is reported as skipped). Replace with a direct call once it has landed.
 */
final class MaintenanceStep {
  static final String JOB_CLASS = "dev.catcafe.batch.maintenance.TableMaintenanceJob";

  private MaintenanceStep() {}

  /** The maintenance job's {@code run} method, if that job is on the classpath. */
  static Optional<Method> find() {
    try {
      Class<?> job = Class.forName(JOB_CLASS);
      return Optional.of(job.getMethod("run", SparkSession.class, CatalogSettings.class));
    } catch (ClassNotFoundException | NoSuchMethodException e) {
      return Optional.empty();
    }
  }

  /** Runs maintenance and returns its report, or says why it was skipped. */
  static String run(SparkSession spark, CatalogSettings catalog) {
    requireNonNull(spark, "spark is null");
    requireNonNull(catalog, "catalog is null");
    Optional<Method> method = find();
    if (method.isEmpty()) {
      return "table maintenance: skipped, %s.run(SparkSession, CatalogSettings) is not on the classpath"
          .formatted(JOB_CLASS);
    }
    try {
      return String.valueOf(method.get().invoke(null, spark, catalog));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("table maintenance failed", e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot call " + JOB_CLASS + ".run", e);
    }
  }
}
