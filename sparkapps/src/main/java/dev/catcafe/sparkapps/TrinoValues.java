package dev.catcafe.sparkapps;

import static dev.catcafe.sparkapps.Yaml.map;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.PostgresRole;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.model.config.TrinoCatalogs;
import dev.catcafe.model.config.TrinoRelease;
import dev.catcafe.model.jobs.SettingsGroup;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values for the trinodb/trino Helm chart. The {@code iceberg} and {@code postgresql} catalogs come
 * from {@link TrinoCatalogs}, the generator the local platform uses, so Trino sees the catalog
 * Spark writes on the cluster exactly as it does on a laptop. Passwords are Trino's {@code
 * ${ENV:…}} references to the pods' Secret-backed environment.
 */
public final class TrinoValues {
  public static final String TRINO_VERSION = TrinoRelease.VERSION;

  /** The {@code trino} user of the trinodb/trino image. */
  static final long TRINO_USER = 1000L;

  /** The image's {@code node.data-dir}. */
  static final String TRINO_DATA_DIRECTORY = "/data/trino";

  private TrinoValues() {}

  public static Map<String, Object> values(ClusterProfile profile) {
    CatalogSettings lake = profile.catalog();
    PostgresSettings cafe = profile.postgres();
    Map<String, String> catalogs =
        TrinoCatalogs.generate(
            new CatalogSettings(
                lake.name(),
                lake.type(),
                lake.uri(),
                PostgresRole.ICEBERG_CATALOG.roleName(),
                envReference(EnvSetting.ICEBERG_CATALOG_PASSWORD),
                lake.warehouse(),
                lake.namespace()),
            new PostgresSettings(
                cafe.jdbcUrl(),
                PostgresRole.TRINO.roleName(),
                envReference(EnvSetting.POSTGRES_PASSWORD)));
    // Its own roles' passwords: the catalog's, and the read-only one of the postgresql catalog.
    List<Object> env =
        Workloads.environment(
                EnumSet.of(SettingsGroup.CATALOG, SettingsGroup.POSTGRES),
                Optional.of(PostgresRole.TRINO),
                Map.of())
            .stream()
            .filter(TrinoValues::isSecretEntry)
            .toList();
    // A read-only root: Trino writes only its data directory (the launcher links etc/ and plugin/
    // there) and temporary files, each on an emptyDir.
    Map<String, Object> volumes =
        map(
            "additionalVolumes",
            List.of(
                Workloads.lakeVolume(profile),
                Workloads.tmpVolume(),
                map("name", "trino-data", "emptyDir", map("sizeLimit", "1Gi"))),
            "additionalVolumeMounts",
            List.of(
                Workloads.lakeMount(profile),
                Workloads.tmpMount(),
                map("name", "trino-data", "mountPath", TRINO_DATA_DIRECTORY)));
    return map(
        "image",
        map("repository", "trinodb/trino", "tag", TRINO_VERSION),
        "server",
        map("workers", 1, "config", map("query", map("maxMemory", "4GB"))),
        "catalogs",
        catalogs,
        "env",
        env,
        "securityContext",
        Workloads.podSecurityContext(TRINO_USER),
        "containerSecurityContext",
        Workloads.containerSecurityContext(),
        "coordinator",
        withResources(volumes, "2", "4Gi", "4", "4Gi", "3G"),
        "worker",
        withResources(volumes, "2", "6Gi", "4", "6Gi", "4G"),
        "service",
        map("type", "ClusterIP", "port", 8080));
  }

  private static Map<String, Object> withResources(
      Map<String, Object> volumes,
      String cpuRequest,
      String memory,
      String cpuLimit,
      String memoryLimit,
      String heap) {
    Map<String, Object> node = new LinkedHashMap<>(volumes);
    node.put("jvm", map("maxHeapSize", heap));
    node.put("resources", Workloads.resources(cpuRequest, memory, cpuLimit, memoryLimit));
    return node;
  }

  private static String envReference(EnvSetting setting) {
    return "${ENV:%s}".formatted(setting.name());
  }

  private static boolean isSecretEntry(Object entry) {
    return entry instanceof Map<?, ?> map
        && map.get("valueFrom") instanceof Map<?, ?> source
        && source.containsKey("secretKeyRef");
  }
}
