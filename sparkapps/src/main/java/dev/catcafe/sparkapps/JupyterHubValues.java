package dev.catcafe.sparkapps;

import static dev.catcafe.sparkapps.Yaml.map;

import dev.catcafe.model.config.PostgresRole;
import dev.catcafe.model.jobs.SettingsGroup;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values for the JupyterHub Helm chart (zero-to-jupyterhub): single-user servers run the notebook
 * image (notebooks/Dockerfile: the local install's pins, the batch module's jars) with the catalog
 * settings under the names every job uses, Trino's in-cluster URL, and the lake volume mounted
 * read-write, because the notebook's ETL step runs the project's DailyCatSummaryJob, which replaces
 * a day of {@code daily_cat_summary} as the batch CronJob does. Every other cell reads.
 */
public final class JupyterHubValues {
  private JupyterHubValues() {}

  public static Map<String, Object> values(ClusterProfile profile) {
    Map<String, Object> extraEnv = new LinkedHashMap<>();
    // The catalog's role (the notebook's ETL step writes the lake) and the analysts' read-only one
    // for the cafe's tables.
    for (Object entry :
        Workloads.environment(
            EnumSet.of(SettingsGroup.CATALOG, SettingsGroup.POSTGRES),
            Optional.of(PostgresRole.ANALYST),
            Map.of())) {
      Map<?, ?> variable = (Map<?, ?>) entry;
      extraEnv.put(
          (String) variable.get("name"),
          variable.containsKey("valueFrom")
              ? map("valueFrom", variable.get("valueFrom"))
              : variable.get("value"));
    }
    // The Trino release's Service (TrinoValues: helm release "trino", port 8080).
    extraEnv.put("TRINO_URL", "jdbc:trino://trino.%s.svc:8080".formatted(profile.namespace()));
    extraEnv.put("SPARK_MASTER", "local[2]");
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
                List.of(Workloads.lakeVolume(profile)),
                "extraVolumeMounts",
                List.of(Workloads.lakeMount(profile))),
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
