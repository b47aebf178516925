package dev.catcafe.model.jobs;

/**
 * A Maven module that ships a runnable artifact: its jar plus its runtime libraries, laid out as
 * {@code lib/*.jar}. {@code make build} installs that layout under {@code .work/dist/<name>} and
 * the images under {@code /opt/catcafe/<name>}, so a local run starts what the cluster starts.
 */
public enum RunnableModule {
  MODEL("model"),
  SPARK_COMMON("spark-common"),
  PLATFORM_LAUNCHER("platform/launcher"),
  SIMULATOR("simulator"),
  STREAMING("streaming"),
  BATCH("batch"),
  TRINO("trino"),
  ALERT_UI("alert-ui"),
  SPARKAPPS("sparkapps"),
  BENCH("bench");

  private static final String ARTIFACT_PREFIX = "catcafe-";

  private final String directory;

  RunnableModule(String directory) {
    this.directory = directory;
  }

  /** The module's folder under the project root. */
  public String directory() {
    return directory;
  }

  /**
   * The module's Maven artifact: {@code catcafe-} and its folder, as every module's POM names it.
   */
  public String artifactId() {
    return ARTIFACT_PREFIX + distributionName();
  }

  /** The folder of the runnable layout: {@code .work/dist/<name>}, {@code /opt/catcafe/<name>}. */
  public String distributionName() {
    return directory.replace('/', '-');
  }
}
