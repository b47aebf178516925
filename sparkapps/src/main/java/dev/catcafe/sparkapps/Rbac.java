package dev.catcafe.sparkapps;

import static dev.catcafe.sparkapps.Yaml.map;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Service accounts and the least rights they need: Spark drivers manage their executor pods; the
 * batch launcher may only create SparkApplications; the apps talk to no API at all.
 */
public final class Rbac {
  public static final String APPS_SERVICE_ACCOUNT = "catcafe-apps";

  private Rbac() {}

  public static List<Map<String, Object>> all(ClusterProfile profile) {
    return List.of(
        lakeServiceAccount(ClusterProfile.SPARK_SERVICE_ACCOUNT, profile, true),
        role(
            "catcafe-spark-driver",
            profile,
            List.of(
                rule(
                    "",
                    List.of("pods", "services", "configmaps", "persistentvolumeclaims"),
                    List.of(
                        "create",
                        "get",
                        "list",
                        "watch",
                        "patch",
                        "update",
                        "delete",
                        "deletecollection")))),
        binding("catcafe-spark-driver", ClusterProfile.SPARK_SERVICE_ACCOUNT, profile),
        serviceAccount(ClusterProfile.LAUNCHER_SERVICE_ACCOUNT, profile, true),
        role(
            "catcafe-spark-launcher",
            profile,
            List.of(
                rule(
                    "spark.apache.org",
                    List.of("sparkapplications"),
                    List.of("create", "get", "list")))),
        binding("catcafe-spark-launcher", ClusterProfile.LAUNCHER_SERVICE_ACCOUNT, profile),
        serviceAccount(APPS_SERVICE_ACCOUNT, profile, false),
        lakeServiceAccount(ClusterProfile.LAKE_SERVICE_ACCOUNT, profile, false));
  }

  private static Map<String, Object> serviceAccount(
      String name, ClusterProfile profile, boolean usesApi) {
    return serviceAccount(name, profile, usesApi, Optional.empty());
  }

  /** A service account of pods that open the lake: the lake's IAM role under pod identity. */
  private static Map<String, Object> lakeServiceAccount(
      String name, ClusterProfile profile, boolean usesApi) {
    return serviceAccount(name, profile, usesApi, PodIdentity.annotations(profile));
  }

  private static Map<String, Object> serviceAccount(
      String name,
      ClusterProfile profile,
      boolean usesApi,
      Optional<Map<String, Object>> annotations) {
    Map<String, Object> metadata = Yaml.metadata(name, profile.namespace(), "rbac");
    annotations.ifPresent(values -> metadata.put("annotations", values));
    return Yaml.resource("v1", "ServiceAccount", metadata, "automountServiceAccountToken", usesApi);
  }

  private static Map<String, Object> role(
      String name, ClusterProfile profile, List<Map<String, Object>> rules) {
    return Yaml.resource(
        "rbac.authorization.k8s.io/v1",
        "Role",
        Yaml.metadata(name, profile.namespace(), "rbac"),
        "rules",
        rules);
  }

  private static Map<String, Object> rule(
      String apiGroup, List<String> resources, List<String> verbs) {
    return map("apiGroups", List.of(apiGroup), "resources", resources, "verbs", verbs);
  }

  private static Map<String, Object> binding(
      String role, String serviceAccount, ClusterProfile profile) {
    return Yaml.resource(
        "rbac.authorization.k8s.io/v1",
        "RoleBinding",
        Yaml.metadata(role, profile.namespace(), "rbac"),
        "roleRef",
        map("apiGroup", "rbac.authorization.k8s.io", "kind", "Role", "name", role),
        "subjects",
        List.of(
            map(
                "kind",
                "ServiceAccount",
                "name",
                serviceAccount,
                "namespace",
                profile.namespace())));
  }
}
