package dev.catcafe.model.jobs;

/**
 * What a job asks Kubernetes for. Spark turns these into the pods' requests and limits (memory
 * limit = heap + overhead, CPU limit = {@code limit.cores}).
 *
 * @param driverCores CPU cores of the driver (also {@code local[n]} for driver-only jobs)
 * @param driverMemory heap of the driver, e.g. {@code 2g}
 * @param executors number of executor pods (0 for driver-only jobs)
 * @param executorCores CPU cores of each executor
 * @param executorMemory heap of each executor
 */
public record JobResources(
    int driverCores, String driverMemory, int executors, int executorCores, String executorMemory) {
  private static final String MEMORY = "[1-9]\\d*[mg]";

  public JobResources {
    if (driverCores < 1 || executorCores < 1) {
      throw new IllegalArgumentException("cores must be >= 1");
    }
    if (executors < 0) {
      throw new IllegalArgumentException("executors must be >= 0: " + executors);
    }
    if (driverMemory == null || !driverMemory.matches(MEMORY)) {
      throw new IllegalArgumentException("driverMemory must look like 512m or 2g: " + driverMemory);
    }
    if (executorMemory == null || !executorMemory.matches(MEMORY)) {
      throw new IllegalArgumentException(
          "executorMemory must look like 512m or 2g: " + executorMemory);
    }
  }

  /** Only a driver: for jobs that run their tasks in-process. */
  public static JobResources driverOnly(int cores, String memory) {
    return new JobResources(cores, memory, 0, 1, "512m");
  }
}
