package dev.catcafe.sparkapps;

import static dev.catcafe.sparkapps.Yaml.map;

import dev.catcafe.model.config.TrinoUser;
import dev.catcafe.model.jobs.SettingsGroup;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    for (Object entry : Workloads.environment(EnumSet.of(SettingsGroup.CATALOG), Map.of())) {
      Map<?, ?> variable = (Map<?, ?>) entry;
      extraEnv.put((String) variable.get("name"), map("valueFrom", variable.get("valueFrom")));
    }
    // The Trino release's Service, its HTTPS port (TrinoValues: helm release "trino"), as the
    // read-only analyst; its password from the credentials Secret, the CA from Trino's TLS Secret.
    extraEnv.put(
        "TRINO_URL",
        "jdbc:trino://trino.%s.svc:%d".formatted(profile.namespace(), TrinoValues.HTTPS_PORT));
    extraEnv.put(TrinoUser.ANALYST.userVariable(), TrinoUser.ANALYST.userName());
    extraEnv.put(
        TrinoUser.ANALYST.passwordVariable(),
        map(
            "valueFrom",
            map(
                "secretKeyRef",
                map("name", ClusterProfile.CREDENTIALS_SECRET, "key", "trino-analyst-password"))));
    extraEnv.put("TRINO_TRUSTSTORE", TrinoValues.TLS_MOUNT + "/ca.crt");
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
                List.of(
                    Workloads.lakeVolume(profile),
                    // Only the CA of Trino's certificate, not its key.
                    map(
                        "name",
                        "trino-ca",
                        "secret",
                        map(
                            "secretName",
                            TrinoValues.TLS_SECRET,
                            "items",
                            List.of(map("key", "ca.crt", "path", "ca.crt"))))),
                "extraVolumeMounts",
                List.of(
                    Workloads.lakeMount(profile),
                    map("name", "trino-ca", "mountPath", TrinoValues.TLS_MOUNT, "readOnly", true))),
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
