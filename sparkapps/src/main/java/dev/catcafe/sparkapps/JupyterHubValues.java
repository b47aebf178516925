package dev.catcafe.sparkapps;

import static dev.catcafe.sparkapps.Yaml.map;

import dev.catcafe.model.config.PostgresRole;
import dev.catcafe.model.config.TrinoUser;
import dev.catcafe.model.jobs.SettingsGroup;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values for the JupyterHub Helm chart (zero-to-jupyterhub): single-user servers run the notebook
 * image (notebooks/Dockerfile: the local install's pins, the batch module's jars) with the catalog
 * settings under the names every job uses (the lake's object store among them: the kernel gives
 * Spark its endpoint and keys), Trino's in-cluster URL, and the lake's service account, which
 * carries the lake's role under pod identity. The catalog's role may write, because the notebook's
 * ETL step runs the project's DailyCatSummaryJob, which replaces a day of {@code daily_cat_summary}
 * as the batch CronJob does. Every other cell reads.
 */
public final class JupyterHubValues {
  /** The notebook image's user (jovyan's uid) and the hub's. */
  static final long NOTEBOOK_USER = 1000L;

  /** The proxy image's user (nobody). */
  static final long PROXY_USER = 65534L;

  private JupyterHubValues() {}

  public static Map<String, Object> values(ClusterProfile profile) {
    Map<String, Object> extraEnv = new LinkedHashMap<>();
    // The catalog's role (the notebook's ETL step writes the lake) and the analysts' read-only one
    // for the cafe's tables.
    for (Object entry :
        Workloads.environment(
            EnumSet.of(SettingsGroup.CATALOG, SettingsGroup.POSTGRES, SettingsGroup.OBJECT_STORE),
            Optional.of(PostgresRole.ANALYST),
            Map.of())) {
      Map<?, ?> variable = (Map<?, ?>) entry;
      extraEnv.put(
          (String) variable.get("name"),
          variable.containsKey("valueFrom")
              ? map("valueFrom", variable.get("valueFrom"))
              : variable.get("value"));
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
            NOTEBOOK_USER,
            "serviceAccountName",
            ClusterProfile.LAKE_SERVICE_ACCOUNT,
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
                    Workloads.tmpVolume(),
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
                    Workloads.tmpMount(),
                    map("name", "trino-ca", "mountPath", TrinoValues.TLS_MOUNT, "readOnly", true))),
            "allowPrivilegeEscalation",
            false,
            // The metadata block is a privileged init container (NET_ADMIN); the namespace's
            // default-deny NetworkPolicy already keeps the notebooks off the metadata address.
            "cloudMetadata",
            map("blockWithIptables", false),
            "extraPodConfig",
            map("securityContext", podSecurityContext(NOTEBOOK_USER, 100L)),
            // KubeSpawner's container settings: the user's home is its volume, /tmp an emptyDir.
            "extraContainerConfig",
            map("securityContext", containerSecurityContext(NOTEBOOK_USER, 100L))),
        "hub",
        map(
            "config",
            map("JupyterHub", map("authenticator_class", "github")),
            "podSecurityContext",
            podSecurityContext(NOTEBOOK_USER, NOTEBOOK_USER),
            "containerSecurityContext",
            containerSecurityContext(NOTEBOOK_USER, NOTEBOOK_USER),
            "extraVolumes",
            List.of(Workloads.tmpVolume()),
            "extraVolumeMounts",
            List.of(Workloads.tmpMount())),
        "proxy",
        map(
            "chp",
            map(
                "containerSecurityContext",
                containerSecurityContext(PROXY_USER, PROXY_USER),
                "extraPodSpec",
                map("securityContext", podSecurityContext(PROXY_USER, PROXY_USER)))),
        // Fewer pods to harden and allow: no user scheduler, no image pre-puller DaemonSets.
        "scheduling",
        map("userScheduler", map("enabled", false)),
        "prePuller",
        map("hook", map("enabled", false), "continuous", map("enabled", false)));
  }

  private static Map<String, Object> podSecurityContext(long user, long group) {
    return map(
        "runAsNonRoot",
        true,
        "runAsUser",
        user,
        "fsGroup",
        group,
        "seccompProfile",
        map("type", "RuntimeDefault"));
  }

  private static Map<String, Object> containerSecurityContext(long user, long group) {
    Map<String, Object> context = map("runAsUser", user, "runAsGroup", group);
    context.putAll(Workloads.containerSecurityContext());
    return context;
  }
}
