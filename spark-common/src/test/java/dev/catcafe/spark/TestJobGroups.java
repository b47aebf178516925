package dev.catcafe.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.platform.testing.Polling;
import dev.catcafe.spark.testing.BaseSparkTest;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.junit.jupiter.api.Test;

final class TestJobGroups extends BaseSparkTest {
  @Test
  void aLabelledStepsJobsCarryItsGroupAndDescriptionAndTheLabelIsRemovedAfter() {
    CopyOnWriteArrayList<String> labels = new CopyOnWriteArrayList<>();
    SparkListener listener =
        new SparkListener() {
          @Override
          public void onJobStart(SparkListenerJobStart jobStart) {
            labels.add(
                jobStart.properties().getProperty(JobGroups.GROUP_ID)
                    + " / "
                    + jobStart.properties().getProperty(JobGroups.DESCRIPTION));
          }
        };
    SparkContext context = spark.sparkContext();
    context.addSparkListener(listener);
    try {
      long rows =
          JobGroups.run(spark, "test-step", "count ten rows", () -> spark.range(10).toDF().count());
      assertThat(rows).isEqualTo(10);
      assertThat(context.getLocalProperty(JobGroups.GROUP_ID)).isNull();
      assertThat(context.getLocalProperty(JobGroups.DESCRIPTION)).isNull();

      // The status tracker and listeners hear of jobs asynchronously: poll with a deadline.
      Polling.await(
          Duration.ofSeconds(30),
          "the labelled jobs to be reported",
          () ->
              context.statusTracker().getJobIdsForGroup("test-step").length > 0
                  && !labels.isEmpty());
      assertThat(labels).isNotEmpty().allMatch("test-step / count ten rows"::equals);
    } finally {
      context.removeSparkListener(listener);
    }
  }

  @Test
  void aNestedStepRestoresTheOuterLabel() {
    SparkContext context = spark.sparkContext();
    String inner =
        JobGroups.run(
            spark,
            "outer",
            "outer step",
            () -> {
              JobGroups.run(spark, "inner", "inner step", () -> spark.range(1).toDF().count());
              return context.getLocalProperty(JobGroups.GROUP_ID)
                  + " / "
                  + context.getLocalProperty(JobGroups.DESCRIPTION);
            });
    assertThat(inner).isEqualTo("outer / outer step");
    assertThat(context.getLocalProperty(JobGroups.GROUP_ID)).isNull();
  }
}
