package dev.catcafe.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.batch.quality.QualityMetrics;
import dev.catcafe.model.jobs.JobCatalog;
import dev.catcafe.model.jobs.JobKind;
import dev.catcafe.model.jobs.SparkJob;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The scheduler runs exactly the catalog's batch jobs, in the catalog's order. */
final class TestBatchScheduler {
  private static final QualityMetrics QUALITY = new QualityMetrics(new SimpleMeterRegistry());

  @Test
  void everyBatchJobOfTheCatalogIsAStepAndNoStreamingJobIs() {
    for (SparkJob job : SparkJob.values()) {
      if (job.kind() == JobKind.BATCH) {
        assertThat(BatchScheduler.stepOf(job, QUALITY)).as(job.jobName()).isNotNull();
        assertThat(JobCatalog.batchSequence()).contains(job);
      } else {
        assertThatThrownBy(() -> BatchScheduler.stepOf(job, QUALITY))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(job.jobName());
      }
    }
  }
}
