package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.config.Releases;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What pins Spark outside the build follows the root pom's release ({@link Releases}): the Spark
 * jobs image's base, the notebooks' PySpark and their kernel's name. Upgrading Spark is one pom
 * property and the files this test names.
 */
final class TestPinnedReleases {
  @Test
  void theSparkJobsImageIsBuiltOnThePomsSparkAndScala() {
    assertThat(
            ProjectFiles.read(ProjectFiles.root().resolve("sparkapps/image/spark-jobs.Dockerfile")))
        .containsPattern(
            "(?m)^FROM apache/spark:%s-scala%s-java17-ubuntu$"
                .formatted(Pattern.quote(Releases.SPARK), Pattern.quote(Releases.SCALA_BINARY)));
  }

  @Test
  void theNotebooksRunThePomsPySpark() {
    String pin = "(?m)^pyspark==" + Pattern.quote(Releases.SPARK) + "$";
    assertThat(ProjectFiles.read(ProjectFiles.root().resolve("notebooks/requirements.txt")))
        .containsPattern(pin);
    assertThat(ProjectFiles.read(ProjectFiles.root().resolve("notebooks/constraints.txt")))
        .containsPattern(pin);
    assertThat(ProjectFiles.read(ProjectFiles.root().resolve("bin/notebook")))
        .contains("\"display_name\": \"Python 3 (PySpark " + Releases.SPARK + ", cat cafe lake)\"");
  }
}
