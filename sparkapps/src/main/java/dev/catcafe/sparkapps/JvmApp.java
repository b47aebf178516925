package dev.catcafe.sparkapps;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The plain JVM programs the cluster runs outside Spark, from the apps image. */
public enum JvmApp {
  ALERT_UI(
      "alert-ui",
      "dev.catcafe.alertui.AlertUiServer",
      EnumSet.of(SettingsGroup.KAFKA, SettingsGroup.POSTGRES, SettingsGroup.ALERT_UI)),
  SIMULATOR_SEED(
      "simulator", "dev.catcafe.simulator.SeedProfiles", EnumSet.of(SettingsGroup.POSTGRES)),
  SIMULATOR_PRODUCER(
      "simulator",
      "dev.catcafe.simulator.ProduceEvents",
      EnumSet.of(SettingsGroup.KAFKA, SettingsGroup.POSTGRES));

  private final String module;
  private final String mainClass;
  private final Set<SettingsGroup> settings;

  JvmApp(String module, String mainClass, Set<SettingsGroup> settings) {
    this.module = module;
    this.mainClass = mainClass;
    this.settings = Set.copyOf(settings);
  }

  /** The module's folder under the project root (and under {@code /opt/catcafe} in the image). */
  public String module() {
    return module;
  }

  public String mainClass() {
    return mainClass;
  }

  public Set<SettingsGroup> settings() {
    return settings;
  }

  /** The container command: the module's jars on the class path, a heap sized to the limit. */
  public List<String> command() {
    return List.of(
        "java",
        "-XX:MaxRAMPercentage=75",
        "-cp",
        "/opt/catcafe/%s/lib/*".formatted(module),
        mainClass);
  }
}
