package dev.catcafe.model.jobs;

/** The Spark operator's {@code applicationTolerations.restartConfig.restartPolicy} values. */
public enum RestartPolicy {
  Always,
  Never,
  OnFailure,
  OnInfrastructureFailure
}
