package dev.catcafe.spark;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.api.plugin.DriverPlugin;
import org.apache.spark.api.plugin.ExecutorPlugin;
import org.apache.spark.api.plugin.SparkPlugin;

/**
 * Test-only: a {@link FaultPoint} inside a Spark action, reached when the action's first task has
 * succeeded. Its files are written, and the executor has not yet reported the task to the driver,
 * so no job of the action has finished and nothing the action commits afterwards has been
 * committed: a crash in the middle of, say, a compaction, at a deterministic moment. A Spark
 * listener could not do this: listener events arrive asynchronously, after the driver may have
 * committed.
 *
 * <p>A session gets the plugin only when the point is armed ({@link #sessionConf}); in local mode
 * the executor runs in the driver's JVM, which {@link #during} marks as being in the action.
 */
public final class TaskFault implements SparkPlugin {
  /** The Spark setting that loads executor plugins. */
  static final String PLUGINS = "spark.plugins";

  private record Window(FaultPoint point, String context) {}

  private static volatile Window window;

  /** Runs {@code action} with {@code point} reached at its first successful task. */
  public static <T> T during(FaultPoint point, String context, Supplier<T> action) {
    requireNonNull(point, "point is null");
    requireNonNull(context, "context is null");
    requireNonNull(action, "action is null");
    if (!point.isArmed()) {
      return action.get();
    }
    window = new Window(point, context);
    try {
      return action.get();
    } finally {
      window = null;
    }
  }

  /** The Spark settings a session needs for {@code point}: none when it is not armed. */
  public static Map<String, String> sessionConf(FaultPoint point) {
    return requireNonNull(point, "point is null").isArmed()
        ? Map.of(PLUGINS, TaskFault.class.getName())
        : Map.of();
  }

  @Override
  public DriverPlugin driverPlugin() {
    return null;
  }

  @Override
  public ExecutorPlugin executorPlugin() {
    return new ExecutorPlugin() {
      @Override
      public void onTaskSucceeded() {
        Window current = window;
        if (current != null) {
          current.point().reach(() -> current.context() + ": a task succeeded, nothing committed");
        }
      }
    };
  }
}
