package dev.catcafe.sparkapps;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.ObjectStoreSettings;
import dev.catcafe.model.config.PostgresBootstrap;
import dev.catcafe.model.config.PostgresRole;
import dev.catcafe.model.config.PostgresSettings;
import java.net.URI;
import java.util.Optional;

/**
 * Where the lakehouse runs on Kubernetes: the namespace, the images, and the endpoints every
 * workload is configured with. It holds no secret: the constructor rejects settings that carry a
 * password, because whatever is in here ends up in committed manifests.
 *
 * @param namespace the namespace of every workload (Spark jobs, apps, PostgreSQL, Kafka, Trino)
 * @param imageRepository the registry path the project's images are pushed to
 * @param version the tag of the project's images (pinned, never {@code latest})
 * @param kafkaCluster the Strimzi {@code Kafka} resource name
 * @param kafka the bootstrap service of that cluster and the topic prefix (no credentials: each
 *     workload authenticates as its own principal, {@code KafkaUsers}, {@code EnvSetting})
 * @param postgres the cafe's operational database (no password; its user is not used: each workload
 *     connects as the role the job catalog declares for it, {@code EnvSetting})
 * @param catalog the Iceberg catalog (no password; it is reached as {@code
 *     PostgresRole.ICEBERG_CATALOG}, whatever user this names), its warehouse in an object store
 *     ({@code s3://bucket/…}, no keys: they come from the credentials Secret, or from pod identity)
 */
public record ClusterProfile(
    String namespace,
    String imageRepository,
    String version,
    String kafkaCluster,
    KafkaSettings kafka,
    PostgresSettings postgres,
    CatalogSettings catalog) {
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
    if (kafka.credentials().isPresent()) {
      throw new IllegalArgumentException(
          "a cluster profile carries no Kafka credentials: each workload has its KafkaUser's");
    }
    if (!postgres.password().isEmpty() || !catalog.password().isEmpty()) {
      throw new IllegalArgumentException(
          "a cluster profile carries no password: they come from the credentials Secret");
    }
    // No shared volume in a cluster: the lake, the checkpoints and the event logs are objects.
    ObjectStoreSettings store =
        catalog
            .objectStore()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "a cluster keeps its lake in an object store: the warehouse must be"
                            + " s3://, not "
                            + catalog.warehouse()));
    if (store.hasKeys()) {
      throw new IllegalArgumentException(
          "a cluster profile carries no object-store key: they come from the credentials Secret"
              + " or from pod identity");
    }
  }

  /** The self-hosted S3-compatible store's Service (and StatefulSet), for clusters without one. */
  public static final String OBJECT_STORE = "catcafe-s3";

  public static final int OBJECT_STORE_PORT = 9000;

  /** The bucket of the lake in the shipped profile. */
  public static final String LAKE_BUCKET = "catcafe-lake";

  /** The ConfigMap every workload reads its plain settings from. */
  public static final String CONFIG_MAP = "catcafe-config";

  /** The Secret with the passwords; created by hand or by a secret manager, never committed. */
  public static final String CREDENTIALS_SECRET = "catcafe-credentials";

  /** The service account of Spark drivers (they create executor pods). */
  public static final String SPARK_SERVICE_ACCOUNT = "catcafe-spark";

  /**
   * The service account of the pods that open the lake but not the Kubernetes API: executors, the
   * History Server, Trino, the notebooks. On the cloud's S3 it carries the lake's IAM role.
   */
  public static final String LAKE_SERVICE_ACCOUNT = "catcafe-lake";

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
        new PostgresSettings(database + PostgresBootstrap.CAFE_DATABASE, "cafe", ""),
        new CatalogSettings(
            CatalogSettings.DEFAULT_NAME,
            CatalogType.JDBC,
            database + PostgresBootstrap.CATALOG_DATABASE,
            PostgresRole.ICEBERG_CATALOG.roleName(),
            "",
            "s3://%s/warehouse".formatted(LAKE_BUCKET),
            CatalogSettings.DEFAULT_NAMESPACE,
            Optional.of(
                new ObjectStoreSettings(
                    "http://%s.%s.svc:%d".formatted(OBJECT_STORE, namespace, OBJECT_STORE_PORT),
                    ObjectStoreSettings.DEFAULT_REGION,
                    "",
                    ""))));
  }

  /**
   * The cluster on the cloud's S3 in {@code region}, its bucket {@code bucket}, the pods' keys from
   * pod identity (IAM Roles for Service Accounts, EKS Pod Identity): no endpoint and no key Secret;
   * the rest as {@link #defaults}.
   */
  public ClusterProfile onCloudStorage(String bucket, String region) {
    return new ClusterProfile(
        namespace,
        imageRepository,
        version,
        kafkaCluster,
        kafka,
        postgres,
        catalog.withWarehouse(
            "s3://%s/warehouse".formatted(bucket), Optional.of(ObjectStoreSettings.cloud(region))));
  }

  /** The bucket of the lake: tables under {@code warehouse/}, checkpoints, event logs. */
  public String lakeBucket() {
    return URI.create(catalog.warehouse()).getHost();
  }

  /**
   * Whether the pods reach the store by pod identity (the cloud's S3, no endpoint) rather than with
   * the keys of the credentials Secret (the self-hosted store this profile then ships).
   */
  public boolean usesPodIdentity() {
    return objectStore().endpoint().isEmpty();
  }

  /** The self-hosted store's object store settings (endpoint and region; keys from the Secret). */
  public ObjectStoreSettings objectStore() {
    return catalog.objectStore().orElseThrow();
  }

  /** The image with Spark 4.1.3, the job modules' jars and their dependencies. */
  public String sparkJobsImage() {
    return "%s/catcafe-spark-jobs:%s".formatted(imageRepository, version);
  }

  /** The image with the simulator and the alert UI (plain JVM applications). */
  public String appsImage() {
    return "%s/catcafe-apps:%s".formatted(imageRepository, version);
  }

  /**
   * Where a streaming job keeps its checkpoints: in the lake's bucket, which outlives any node
   * (Spark writes them through Hadoop's S3A, {@code SparkCatalogConf#hadoopObjectStoreConf}).
   */
  public String checkpointLocation(String jobName) {
    return "s3://%s/checkpoints/%s".formatted(lakeBucket(), requireDnsLabel(jobName, "jobName"));
  }

  /**
   * Where every Spark job writes its event log and the History Server reads it: in the lake's
   * bucket (the ConfigMap's {@code SPARK_EVENT_LOG_DIR}, the one place to change it).
   */
  public String eventLogDirectory() {
    return "s3://%s/spark-events".formatted(lakeBucket());
  }

  private static String requireDnsLabel(String value, String what) {
    requireNonNull(value, what + " is null");
    if (value.length() > 63 || !value.matches(DNS_LABEL)) {
      throw new IllegalArgumentException(what + " is not a DNS label: " + value);
    }
    return value;
  }
}
