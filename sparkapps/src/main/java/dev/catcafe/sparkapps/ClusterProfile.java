package dev.catcafe.sparkapps;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresRole;
import dev.catcafe.model.config.PostgresSettings;

/**
 * Where the lakehouse runs on Kubernetes: the namespace, the images, and the endpoints every
 * workload is configured with. It holds no secret: the constructor rejects settings that carry a
 * password, because whatever is in here ends up in committed manifests.
 *
 * @param namespace the namespace of every workload (Spark jobs, apps, PostgreSQL, Kafka, Trino)
 * @param imageRepository the registry path the project's images are pushed to
 * @param version the tag of the project's images (pinned, never {@code latest})
 * @param kafkaCluster the Strimzi {@code Kafka} resource name
 * @param kafka the bootstrap service of that cluster and the topic prefix
 * @param postgres the cafe's operational database (no password; its user is not used: each workload
 *     connects as the role the job catalog declares for it, {@code EnvSetting})
 * @param catalog the Iceberg catalog (no password; it is reached as {@code
 *     PostgresRole.ICEBERG_CATALOG}, whatever user this names)
 * @param lakeClaim the ReadWriteMany volume claim holding the warehouse and the checkpoints
 * @param lakeMountPath where that volume is mounted in Spark, Trino and notebook pods
 */
public record ClusterProfile(
    String namespace,
    String imageRepository,
    String version,
    String kafkaCluster,
    KafkaSettings kafka,
    PostgresSettings postgres,
    CatalogSettings catalog,
    String lakeClaim,
    String lakeMountPath) {
  private static final String DNS_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";

  public ClusterProfile {
    namespace = requireDnsLabel(namespace, "namespace");
    imageRepository = requireNonNull(imageRepository, "imageRepository is null").strip();
    if (!imageRepository.matches("[a-z0-9.\\-]+(:\\d+)?(/[a-z0-9._\\-]+)+")) {
      throw new IllegalArgumentException(
          "imageRepository is not a registry path: " + imageRepository);
    }
    version = requireNonNull(version, "version is null").strip();
    if (!version.matches("\\d+\\.\\d+\\.\\d+")) {
      throw new IllegalArgumentException("version must be a pinned x.y.z tag: " + version);
    }
    kafkaCluster = requireDnsLabel(kafkaCluster, "kafkaCluster");
    requireNonNull(kafka, "kafka is null");
    requireNonNull(postgres, "postgres is null");
    requireNonNull(catalog, "catalog is null");
    if (!postgres.password().isEmpty() || !catalog.password().isEmpty()) {
      throw new IllegalArgumentException(
          "a cluster profile carries no password: they come from the credentials Secret");
    }
    lakeClaim = requireDnsLabel(lakeClaim, "lakeClaim");
    lakeMountPath = requireNonNull(lakeMountPath, "lakeMountPath is null").strip();
    if (!lakeMountPath.matches("(/[a-z0-9._\\-]+)+")) {
      throw new IllegalArgumentException("lakeMountPath is not an absolute path: " + lakeMountPath);
    }
  }

  /** The ConfigMap every workload reads its plain settings from. */
  public static final String CONFIG_MAP = "catcafe-config";

  /** The Secret with the passwords; created by hand or by a secret manager, never committed. */
  public static final String CREDENTIALS_SECRET = "catcafe-credentials";

  /** The service account of Spark drivers (they create executor pods). */
  public static final String SPARK_SERVICE_ACCOUNT = "catcafe-spark";

  /** The service account of the CronJobs that create batch SparkApplications. */
  public static final String LAUNCHER_SERVICE_ACCOUNT = "catcafe-spark-launcher";

  /** The cluster the project ships manifests for. */
  public static ClusterProfile defaults() {
    String namespace = "catcafe";
    String database = "jdbc:postgresql://postgresql.%s.svc:5432/".formatted(namespace);
    return new ClusterProfile(
        namespace,
        "ghcr.io/catcafe",
        "0.1.0",
        "catcafe-kafka",
        new KafkaSettings("catcafe-kafka-kafka-bootstrap.%s.svc:9092".formatted(namespace), ""),
        new PostgresSettings(database + "cafe", "cafe", ""),
        new CatalogSettings(
            "lakehouse",
            CatalogType.JDBC,
            database + "iceberg_catalog",
            PostgresRole.ICEBERG_CATALOG.roleName(),
            "",
            "file:///lake/warehouse",
            "cafe"),
        "catcafe-lake",
        "/lake");
  }

  /** The image with Spark 4.1.3, the job modules' jars and their dependencies. */
  public String sparkJobsImage() {
    return "%s/catcafe-spark-jobs:%s".formatted(imageRepository, version);
  }

  /** The image with the simulator and the alert UI (plain JVM applications). */
  public String appsImage() {
    return "%s/catcafe-apps:%s".formatted(imageRepository, version);
  }

  /** Where a streaming job keeps its checkpoints: on the lake volume, beside the warehouse. */
  public String checkpointLocation(String jobName) {
    return "file://%s/checkpoints/%s".formatted(lakeMountPath, requireDnsLabel(jobName, "jobName"));
  }

  /**
   * Where every Spark job writes its event log and the History Server reads it: on the lake volume,
   * beside the warehouse (the ConfigMap's {@code SPARK_EVENT_LOG_DIR}, the one place to change it).
   */
  public String eventLogDirectory() {
    return "file://%s/spark-events".formatted(lakeMountPath);
  }

  private static String requireDnsLabel(String value, String what) {
    requireNonNull(value, what + " is null");
    if (value.length() > 63 || !value.matches(DNS_LABEL)) {
      throw new IllegalArgumentException(what + " is not a DNS label: " + value);
    }
    return value;
  }
}
