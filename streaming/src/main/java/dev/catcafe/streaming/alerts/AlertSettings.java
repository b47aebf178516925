package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.Settings;
import java.nio.file.Path;

/** Validation and defaults the alert jobs' settings share. */
final class AlertSettings {
  private AlertSettings() {}

  static String requireStartingOffsets(String value) {
    String text = Settings.requireText(value, "starting offsets");
    if (!text.equals("latest") && !text.equals("earliest")) {
      throw new IllegalArgumentException(
          "starting offsets is '%s': expected latest or earliest".formatted(text));
    }
    return text;
  }

  /**
   * The default checkpoint directory of a job: {@code .work/checkpoints/<name>} under the project
   * root ({@code CATCAFE_PROJECT_ROOT}, set by {@code bin/run}), else under the working directory.
   */
  static String defaultCheckpoint(String name) {
    String root = System.getenv().getOrDefault("CATCAFE_PROJECT_ROOT", ".");
    return Path.of(root, ".work", "checkpoints", requireNonNull(name, "name is null"))
        .toAbsolutePath()
        .normalize()
        .toString();
  }
}
