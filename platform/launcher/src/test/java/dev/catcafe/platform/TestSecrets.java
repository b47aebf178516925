package dev.catcafe.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestSecrets {
  @TempDir Path directory;

  @Test
  void aSecretIsGeneratedOnceAndKept() {
    Path file = directory.resolve("secrets.properties");
    String generated = new Secrets(file).get("postgres.admin.password");

    assertThat(generated).hasSizeGreaterThanOrEqualTo(24);
    assertThat(new Secrets(file).get("postgres.admin.password")).isEqualTo(generated);
  }

  @Test
  void generatingASecretKeepsTheOnesAnotherProgramAppendedMeanwhile() throws IOException {
    Path file = directory.resolve("secrets.properties");
    Secrets secrets = new Secrets(file);
    String admin = secrets.get("postgres.admin.password");
    // bin/superset appends its own secret while the launcher runs.
    Files.writeString(file, "superset.secret.key=appended\n", StandardOpenOption.APPEND);

    String app = secrets.get("postgres.app.password");

    Properties saved = new Properties();
    try (var reader = Files.newBufferedReader(file)) {
      saved.load(reader);
    }
    assertThat(saved)
        .containsEntry("postgres.admin.password", admin)
        .containsEntry("postgres.app.password", app)
        .containsEntry("superset.secret.key", "appended");
  }
}
