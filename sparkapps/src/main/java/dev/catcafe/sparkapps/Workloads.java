package dev.catcafe.sparkapps;

import static dev.catcafe.sparkapps.Yaml.map;
import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.KafkaPrincipal;
import dev.catcafe.model.config.PostgresRole;
import dev.catcafe.model.jobs.CatalogEntry;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.jobs.PodResources;
import dev.catcafe.model.jobs.SettingsGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The pieces every pod of the project shares: a hardened security context, the settings as
 * environment variables (ConfigMap and Secret references, never values), and the volumes.
 */
public final class Workloads {
  /** The {@code spark} user of the Apache Spark images. */
  public static final long SPARK_USER = 185;

  /** The conventional non-root user of distroless images (kubectl, the apps image). */
  public static final long NONROOT_USER = 65532;

  private Workloads() {}

  /** Pod-level: never root, files owned by the user's group, the runtime's default seccomp. */
  public static Map<String, Object> podSecurityContext(long user) {
    return map(
        "runAsNonRoot",
        true,
        "runAsUser",
        user,
        "runAsGroup",
        user,
        "fsGroup",
        user,
        "seccompProfile",
        map("type", "RuntimeDefault"));
  }

  /** Container-level: no privilege escalation, no capability, a read-only root file system. */
  public static Map<String, Object> containerSecurityContext() {
    return map(
        "allowPrivilegeEscalation",
        false,
        "readOnlyRootFilesystem",
        true,
        "capabilities",
        map("drop", List.of("ALL")));
  }

  /**
   * Environment entries for the settings {@code entry} reads, as the PostgreSQL role and the Kafka
   * principal the job catalog declares for it, then the literal extras.
   */
  public static List<Object> environment(CatalogEntry entry, Map<String, String> literals) {
    return environment(entry.settings(), entry.postgresRole(), entry.kafkaPrincipal(), literals);
  }

  /**
   * Environment entries for the settings of {@code groups} (no Kafka settings among them), then the
   * literal extras. The PostgreSQL credentials are {@code postgresRole}'s (the catalog's, the
   * catalog role's): its name, and its password from its own Secret.
   */
  public static List<Object> environment(
      Set<SettingsGroup> groups,
      Optional<PostgresRole> postgresRole,
      Map<String, String> literals) {
    return environment(groups, postgresRole, Optional.empty(), literals);
  }

  /**
   * Environment entries for the settings of {@code groups}, then the literal extras. Every
   * credential is the workload's own {@link Login}: {@code postgresRole}'s (the catalog's, the
   * catalog role's) and {@code kafkaPrincipal}'s, each a name and the password from its own Secret.
   */
  public static List<Object> environment(
      Set<SettingsGroup> groups,
      Optional<PostgresRole> postgresRole,
      Optional<KafkaPrincipal> kafkaPrincipal,
      Map<String, String> literals) {
    requireNonNull(postgresRole, "postgresRole is null");
    requireNonNull(kafkaPrincipal, "kafkaPrincipal is null");
    List<Object> env = new ArrayList<>();
    for (EnvSetting setting : EnvSetting.of(groups)) {
      env.add(reference(setting, postgresRole, kafkaPrincipal));
    }
    requireNonNull(literals, "literals is null")
        .forEach((name, value) -> env.add(map("name", name, "value", value)));
    return env;
  }

  private static Map<String, Object> reference(
      EnvSetting setting,
      Optional<PostgresRole> postgresRole,
      Optional<KafkaPrincipal> kafkaPrincipal) {
    if (setting.credential().isPresent()) {
      Login login = setting.login(postgresRole, kafkaPrincipal);
      return switch (setting.credential().get()) {
        case USER -> map("name", setting.name(), "value", login.user());
        case PASSWORD -> map("name", setting.name(), "valueFrom", login.passwordSource());
      };
    }
    Map<String, Object> source =
        setting.isSecret()
            ? map(
                "secretKeyRef",
                map(
                    "name",
                    ClusterProfile.CREDENTIALS_SECRET,
                    "key",
                    setting.secretKey(),
                    "optional",
                    setting.optional() ? Boolean.TRUE : null))
            : map("configMapKeyRef", map("name", ClusterProfile.CONFIG_MAP, "key", setting.name()));
    return map("name", setting.name(), "valueFrom", source);
  }

  /** A scratch {@code /tmp}, since the root file system is read-only. */
  public static Map<String, Object> tmpVolume() {
    return map("name", "tmp", "emptyDir", map("sizeLimit", "1Gi"));
  }

  public static Map<String, Object> tmpMount() {
    return map("name", "tmp", "mountPath", "/tmp");
  }

  /** Requests and limits of a container. */
  public static Map<String, Object> resources(PodResources resources) {
    return map(
        "requests",
        map("cpu", resources.cpuRequest(), "memory", resources.memoryRequest()),
        "limits",
        map("cpu", resources.cpuLimit(), "memory", resources.memoryLimit()));
  }

  /** Requests and limits of the container of {@code app}, a program the cluster runs. */
  public static Map<String, Object> resources(JvmApp app) {
    return resources(
        app.podResources()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        app.jobName() + " runs only locally: it has no pod resources")));
  }
}
