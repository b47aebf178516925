package dev.catcafe.sparkapps;

import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code catcafe-config} ConfigMap: every plain setting, keyed by its environment variable. */
public final class ClusterConfig {
  private ClusterConfig() {}

  public static Map<String, Object> configMap(ClusterProfile profile) {
    Map<String, String> data = new LinkedHashMap<>();
    for (EnvSetting setting : EnvSetting.values()) {
      if (setting.isPlain()) {
        data.put(setting.name(), setting.plainValue(profile));
      }
    }
    return Yaml.configMap(
        Yaml.metadata(ClusterProfile.CONFIG_MAP, profile.namespace(), "config"), data);
  }
}
