package dev.catcafe.sparkapps;

import static dev.catcafe.sparkapps.Yaml.map;

import dev.catcafe.model.jobs.SettingsGroup;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values for the JupyterHub Helm chart (zero-to-jupyterhub): single-user servers get the catalog
 * settings under the names every job uses, and the lake volume mounted read-only, so a notebook can
 * read every table and write none of their files.
 */
public final class JupyterHubValues {
  private JupyterHubValues() {}

  public static Map<String, Object> values(ClusterProfile profile) {
    Map<String, Object> extraEnv = new LinkedHashMap<>();
    for (Object entry : Workloads.environment(EnumSet.of(SettingsGroup.CATALOG), Map.of())) {
      Map<?, ?> variable = (Map<?, ?>) entry;
      extraEnv.put((String) variable.get("name"), map("valueFrom", variable.get("valueFrom")));
    }
    // The image has the Iceberg and PostgreSQL jars on Spark's class path: nothing to download.
    extraEnv.put("CATCAFE_SPARK_PACKAGES", "");
    extraEnv.put("SPARK_MASTER", "local[2]");
    Map<String, Object> lakeVolume =
        map(
            "name",
            "lake",
            "persistentVolumeClaim",
            map("claimName", profile.lakeClaim(), "readOnly", true));
    Map<String, Object> lakeMount = Workloads.lakeMount(profile);
    lakeMount.put("readOnly", true);
    return map(
        "singleuser",
        map(
            "image",
            map("name", profile.imageRepository() + "/catcafe-notebook", "tag", profile.version()),
            "cpu",
            map("guarantee", 2, "limit", 4),
            "memory",
            map("guarantee", "8G", "limit", "8G"),
            "uid",
            1000L,
            "fsGid",
            100L,
            "extraEnv",
            extraEnv,
            "storage",
            map(
                "type",
                "dynamic",
                "capacity",
                "10Gi",
                "extraVolumes",
                List.of(lakeVolume),
                "extraVolumeMounts",
                List.of(lakeMount)),
            "extraPodConfig",
            map(
                "securityContext",
                map("runAsNonRoot", true, "seccompProfile", map("type", "RuntimeDefault"))),
            "containerSecurityContext",
            map(
                "runAsUser",
                1000L,
                "runAsGroup",
                100L,
                "allowPrivilegeEscalation",
                false,
                "capabilities",
                map("drop", List.of("ALL")))),
        "hub",
        map(
            "config",
            map("JupyterHub", map("authenticator_class", "github")),
            "containerSecurityContext",
            map(
                "runAsUser",
                1000L,
                "runAsGroup",
                1000L,
                "allowPrivilegeEscalation",
                false,
                "capabilities",
                map("drop", List.of("ALL")))));
  }
}
