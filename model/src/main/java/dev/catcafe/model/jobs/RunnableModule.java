package dev.catcafe.model.jobs;

/**
 * A Maven module that ships a runnable artifact: its jar plus its runtime libraries, laid out as
 * {@code lib/*.jar}. {@code make build} installs that layout under {@code .work/dist/<name>} and
 * the images under {@code /opt/catcafe/<name>}, so a local run starts what the cluster starts.
 */
public enum RunnableModule {
  MODEL("model", "catcafe-model"),
  SPARK_COMMON("spark-common", "catcafe-spark-common"),
  PLATFORM_LAUNCHER("platform/launcher", "catcafe-platform-launcher"),
  SIMULATOR("simulator", "catcafe-simulator"),
  STREAMING("streaming", "catcafe-streaming"),
  BATCH("batch", "catcafe-batch"),
  TRINO("trino", "catcafe-trino"),
  ALERT_UI("alert-ui", "catcafe-alert-ui"),
  SPARKAPPS("sparkapps", "catcafe-sparkapps");

  private static final String ARTIFACT_PREFIX = "catcafe-";

  private final String directory;
  private final String artifactId;

  RunnableModule(String directory, String artifactId) {
    this.directory = directory;
    this.artifactId = artifactId;
  }

  /** The module's folder under the project root. */
  public String directory() {
    return directory;
  }

  public String artifactId() {
    return artifactId;
  }

  /** The folder of the runnable layout: {@code .work/dist/<name>}, {@code /opt/catcafe/<name>}. */
  public String distributionName() {
    return artifactId.substring(ARTIFACT_PREFIX.length());
  }
}
