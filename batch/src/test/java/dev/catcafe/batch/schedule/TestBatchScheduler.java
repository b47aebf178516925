package dev.catcafe.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.jobs.JobCatalog;
import dev.catcafe.model.jobs.JobKind;
import dev.catcafe.model.jobs.SparkJob;
import org.junit.jupiter.api.Test;

/** The scheduler runs exactly the catalog's batch jobs, in the catalog's order. */
final class TestBatchScheduler {
  @Test
  void everyBatchJobOfTheCatalogIsAStepAndNoStreamingJobIs() {
    for (SparkJob job : SparkJob.values()) {
      if (job.kind() == JobKind.BATCH) {
        assertThat(BatchScheduler.stepOf(job)).as(job.jobName()).isNotNull();
        assertThat(JobCatalog.batchSequence()).contains(job);
      } else {
        assertThatThrownBy(() -> BatchScheduler.stepOf(job))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining(job.jobName());
      }
    }
  }
}
