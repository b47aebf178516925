package dev.catcafe.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestLocalDirectories {
  @Test
  void aLocalDirectoryIsCreatedARemoteOneLeftAlone(@TempDir Path temporary) {
    Path byUri = temporary.resolve("a/spark-events");
    Path byPath = temporary.resolve("b/spark-events");

    assertThat(LocalDirectories.createIfLocal(byUri.toUri().toString())).isEqualTo(byUri);
    assertThat(LocalDirectories.createIfLocal(byPath.toString())).isEqualTo(byPath);
    assertThat(LocalDirectories.createIfLocal("s3a://lake/spark-events")).isNull();
    assertThat(byUri).isDirectory();
    assertThat(byPath).isDirectory();
  }
}
