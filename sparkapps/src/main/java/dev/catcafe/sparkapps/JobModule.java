package dev.catcafe.sparkapps;

/** The Maven module a Spark job's main class lives in, and where its jar sits in the image. */
public enum JobModule {
  STREAMING("streaming", "catcafe-streaming"),
  BATCH("batch", "catcafe-batch");

  private final String directory;
  private final String artifactId;

  JobModule(String directory, String artifactId) {
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

  /** The module jar in the Spark jobs image (its dependencies sit in {@code /opt/spark/jars}). */
  public String jarUri() {
    return "local:///opt/catcafe/jars/%s.jar".formatted(artifactId);
  }
}
