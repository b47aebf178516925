package dev.catcafe.sparkapps;

import static dev.catcafe.sparkapps.Yaml.map;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.ObjectStoreSettings;
import dev.catcafe.model.config.PostgresRole;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.model.config.Releases;
import dev.catcafe.model.config.TrinoAccessRules;
import dev.catcafe.model.config.TrinoCatalogs;
import dev.catcafe.model.config.TrinoUser;
import dev.catcafe.model.jobs.PodResources;
import dev.catcafe.model.jobs.SettingsGroup;
import java.util.ArrayList;
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
 *
 * <p>The same security as the local server: password authentication (the file authenticator, its
 * {@code password.db} from the Secret {@value #PASSWORD_SECRET}: one PBKDF2 or bcrypt hash per
 * {@link TrinoUser}), HTTPS on {@value #HTTPS_PORT} with the certificate of the Secret {@value
 * #TLS_SECRET}, the access rules of {@link TrinoAccessRules}, and the internal shared secret from
 * {@value #INTERNAL_SECRET}. Clients use {@value #HTTPS_PORT}; the HTTP port 8080 stays for the
 * coordinator and workers, whose requests the shared secret signs (Trino refuses passwords there).
 */
public final class TrinoValues {
  public static final String TRINO_VERSION = Releases.TRINO;

  /** The {@code trino} user of the trinodb/trino image. */
  static final long TRINO_USER = 1000L;

  /** The image's {@code node.data-dir}. */
  static final String TRINO_DATA_DIRECTORY = "/data/trino";

  /** The client port: HTTPS, the one where Trino takes passwords. */
  public static final int HTTPS_PORT = 8443;

  /** Secret with key {@code password.db}: the file authenticator's hashes, one per Trino user. */
  public static final String PASSWORD_SECRET = "trino-password-db";

  /**
   * Secret with {@code keystore.pem} (key and certificate) and {@code ca.crt} (what clients trust).
   */
  public static final String TLS_SECRET = "trino-tls";

  /** Secret with key {@code shared-secret}: signs the nodes' internal requests. */
  public static final String INTERNAL_SECRET = "trino-internal";

  /** Where the pods mount {@link #TLS_SECRET}. */
  public static final String TLS_MOUNT = "/etc/trino/tls";

  private TrinoValues() {}

  public static Map<String, Object> values(ClusterProfile profile) {
    Map<String, String> catalogs = catalogs(profile);
    // Its own roles' passwords (the catalog's, the read-only one of the postgresql catalog) and
    // the store's keys.
    List<Object> env = new ArrayList<>();
    Workloads.environment(
            EnumSet.of(SettingsGroup.CATALOG, SettingsGroup.POSTGRES, SettingsGroup.OBJECT_STORE),
            Optional.of(PostgresRole.TRINO),
            Map.of())
        .stream()
        .filter(TrinoValues::isSecretEntry)
        .forEach(env::add);
    env.add(
        map(
            "name",
            "TRINO_INTERNAL_SHARED_SECRET",
            "valueFrom",
            map("secretKeyRef", map("name", INTERNAL_SECRET, "key", "shared-secret"))));
    // A read-only root: Trino writes only its data directory (the launcher links etc/ and plugin/
    // there) and temporary files, each on an emptyDir.
    Map<String, Object> volumes =
        map(
            "additionalVolumes",
            List.of(
                Workloads.tmpVolume(),
                map("name", "trino-data", "emptyDir", map("sizeLimit", "1Gi"))),
            "additionalVolumeMounts",
            List.of(
                Workloads.tmpMount(),
                map("name", "trino-data", "mountPath", TRINO_DATA_DIRECTORY)));
    return map(
        "image",
        map("repository", "trinodb/trino", "tag", TRINO_VERSION),
        "server",
        map(
            "workers",
            1,
            "config",
            map(
                "authenticationType",
                "PASSWORD",
                "https",
                map(
                    "enabled",
                    true,
                    "port",
                    HTTPS_PORT,
                    "keystore",
                    map("path", TLS_MOUNT + "/keystore.pem")),
                "query",
                map("maxMemory", "4GB"))),
        "auth",
        map("passwordAuthSecret", PASSWORD_SECRET),
        "accessControl",
        map(
            "type",
            "configmap",
            "refreshPeriod",
            "60s",
            "configFile",
            "rules.json",
            "rules",
            map("rules.json", TrinoAccessRules.json())),
        "additionalConfigProperties",
        List.of("internal-communication.shared-secret=${ENV:TRINO_INTERNAL_SHARED_SECRET}"),
        "secretMounts",
        List.of(map("name", TLS_SECRET, "secretName", TLS_SECRET, "path", TLS_MOUNT)),
        "catalogs",
        catalogs,
        "env",
        env,
        "securityContext",
        Workloads.podSecurityContext(TRINO_USER),
        "containerSecurityContext",
        Workloads.containerSecurityContext(),
        "coordinator",
        withResources(volumes, new PodResources("2", "4Gi", "4", "4Gi"), "3G"),
        "worker",
        withResources(volumes, new PodResources("2", "6Gi", "4", "6Gi"), "4G"),
        "service",
        map("type", "ClusterIP", "port", 8080),
        // The lake's account (generated in rbac.yaml): under pod identity it carries the lake's
        // role.
        "serviceAccount",
        map("create", false, "name", ClusterProfile.LAKE_SERVICE_ACCOUNT));
  }

  /**
   * The catalogs' properties on {@code profile}: passwords and the store's keys (when the profile's
   * store is reached with keys, not pod identity) as references to the pods' environment.
   */
  static Map<String, String> catalogs(ClusterProfile profile) {
    CatalogSettings lake = profile.catalog();
    PostgresSettings cafe = profile.postgres();
    ObjectStoreSettings store = profile.objectStore();
    ObjectStoreSettings storeWithKeys =
        new ObjectStoreSettings(
            store.endpoint(),
            store.region(),
            envReference(EnvSetting.S3_ACCESS_KEY_ID),
            envReference(EnvSetting.S3_SECRET_ACCESS_KEY));
    return TrinoCatalogs.generate(
        new CatalogSettings(
            lake.name(),
            lake.type(),
            lake.uri(),
            PostgresRole.ICEBERG_CATALOG.roleName(),
            envReference(EnvSetting.ICEBERG_CATALOG_PASSWORD),
            lake.warehouse(),
            lake.namespace(),
            Optional.of(store.endpoint().isEmpty() ? store : storeWithKeys)),
        new PostgresSettings(
            cafe.jdbcUrl(),
            PostgresRole.TRINO.roleName(),
            envReference(EnvSetting.POSTGRES_PASSWORD)));
  }

  private static Map<String, Object> withResources(
      Map<String, Object> volumes, PodResources resources, String heap) {
    Map<String, Object> node = new LinkedHashMap<>(volumes);
    node.put("jvm", map("maxHeapSize", heap));
    node.put("resources", Workloads.resources(resources));
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
