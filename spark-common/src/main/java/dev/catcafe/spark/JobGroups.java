package dev.catcafe.spark;

import static java.util.Objects.requireNonNull;

import java.util.function.Supplier;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * Labels a step's Spark jobs in the UI with a job group and a description, as Iceberg's actions do
 * ({@code withJobGroupInfo}), so a reader of the UI sees which step ran which job. The labels are
 * thread-local properties; the previous ones are restored afterwards, so steps may nest (an Iceberg
 * action inside a labelled step labels its own jobs).
 */
public final class JobGroups {
  static final String GROUP_ID = "spark.jobGroup.id";
  static final String DESCRIPTION = "spark.job.description";
  static final String INTERRUPT_ON_CANCEL = "spark.job.interruptOnCancel";

  private JobGroups() {}

  /** Runs {@code step} with its jobs in {@code group}, described by {@code description}. */
  public static <T> T run(SparkSession spark, String group, String description, Supplier<T> step) {
    requireNonNull(spark, "spark is null");
    requireNonNull(group, "group is null");
    requireNonNull(description, "description is null");
    requireNonNull(step, "step is null");
    SparkContext context = spark.sparkContext();
    String previousGroup = context.getLocalProperty(GROUP_ID);
    String previousDescription = context.getLocalProperty(DESCRIPTION);
    String previousInterrupt = context.getLocalProperty(INTERRUPT_ON_CANCEL);
    context.setJobGroup(group, description, false);
    try {
      return step.get();
    } finally {
      // setLocalProperty(key, null) removes the key: an unlabelled thread stays unlabelled.
      context.setLocalProperty(GROUP_ID, previousGroup);
      context.setLocalProperty(DESCRIPTION, previousDescription);
      context.setLocalProperty(INTERRUPT_ON_CANCEL, previousInterrupt);
    }
  }
}
