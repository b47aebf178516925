package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catcafe.model.jobs.SparkJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cluster keeps its lake in object storage, in both variants the generator writes: the
 * self-hosted S3 store with keys, and the cloud's S3 with pod identity. No volume holds the lake;
 * every workload that opens it (Spark drivers, the History Server, Trino, the notebooks) reads its
 * location and credentials from the one ConfigMap and the credentials Secret; no key is literal.
 */
final class TestObjectStorageManifests {
  private static final ClusterProfile SELF_HOSTED = ClusterProfile.defaults();
  private static final String CONFIG = ClusterProfile.CONFIG_MAP;
  private static final String SECRET = ClusterProfile.CREDENTIALS_SECRET;

  @Test
  void noVolumeHoldsTheLakeInEitherVariant() {
    for (Path file : ProjectFiles.filesUnder(ProjectFiles.manifests(), ".yaml")) {
      String text = ProjectFiles.read(file);
      assertThat(text).as("%s", file).doesNotContain("claimName").doesNotContain("/lake/");
      if (!file.endsWith("object-store.yaml")
          && !file.endsWith("postgresql.yaml")
          && !file.endsWith("kafka-cluster.yaml")) {
        assertThat(text)
            .as("%s mounts no volume claim", file)
            .doesNotContain("persistentVolumeClaim")
            .doesNotContain("volumeClaimTemplates");
      }
    }
    assertThat(ManifestDocument.all())
        .noneMatch(document -> document.kind().equals("PersistentVolumeClaim"));
  }

  @Test
  void theLakeAndSparksOwnFilesAreInOneBucket() {
    Map<String, String> config = configMap(ManifestDocument.all());
    String bucket = "s3://" + SELF_HOSTED.lakeBucket() + "/";
    assertThat(config.get("ICEBERG_WAREHOUSE")).startsWith(bucket);
    assertThat(config.get("SPARK_EVENT_LOG_DIR")).startsWith(bucket);
    assertThat(config.get("S3_ENDPOINT"))
        .isEqualTo(
            "http://%s.%s.svc:%d"
                .formatted(
                    ClusterProfile.OBJECT_STORE,
                    SELF_HOSTED.namespace(),
                    ClusterProfile.OBJECT_STORE_PORT));
    for (SparkJob job : SparkJob.values()) {
      assertThat(SparkApplications.driverArgs(job, SELF_HOSTED))
          .filteredOn(argument -> argument.contains("checkpoint"))
          .allMatch(argument -> argument.contains("=" + bucket + "checkpoints/"));
    }
  }

  @Test
  void everySparkDriverAndTheHistoryServerReadTheStoreFromTheOneSource() {
    for (List<ManifestDocument> variant :
        List.of(ManifestDocument.all(), ManifestDocument.cloudStorage())) {
      List<JsonNode> containers = new ArrayList<>();
      for (ManifestDocument document : variant) {
        if (document.kind().equals(SparkApplications.KIND)) {
          containers.add(
              document.tree().at("/spec/driverSpec/podTemplateSpec/spec/containers").get(0));
        }
        if (document.kind().equals("Deployment")
            && document.name().equals(Applications.HISTORY_SERVER)) {
          containers.add(document.tree().at("/spec/template/spec/containers").get(0));
        }
      }
      assertThat(containers).hasSize(SparkJob.values().length + 1);
      for (JsonNode container : containers) {
        assertThat(source(container.path("env"), "S3_ENDPOINT")).isEqualTo(CONFIG);
        assertThat(source(container.path("env"), "S3_REGION")).isEqualTo(CONFIG);
        assertThat(source(container.path("env"), "SPARK_EVENT_LOG_DIR")).isEqualTo(CONFIG);
        assertThat(source(container.path("env"), "S3_ACCESS_KEY_ID")).isEqualTo(SECRET);
        assertThat(source(container.path("env"), "S3_SECRET_ACCESS_KEY")).isEqualTo(SECRET);
      }
    }
  }

  @Test
  void trinoAndTheNotebooksReadTheSameSourceAndSupersetOnlyTrino() {
    JsonNode trino = helmValues(Manifests.TRINO_VALUES);
    List<String> trinoEnv = new ArrayList<>();
    trino.path("env").forEach(variable -> trinoEnv.add(variable.path("name").asText()));
    assertThat(trinoEnv).contains("S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY");
    String lake = trino.path("catalogs").path("iceberg").asText();
    assertThat(lake)
        .contains("s3.endpoint=" + SELF_HOSTED.objectStore().endpoint())
        .contains("s3.aws-access-key=${ENV:S3_ACCESS_KEY_ID}")
        .contains("s3.aws-secret-key=${ENV:S3_SECRET_ACCESS_KEY}")
        .contains("default-warehouse-dir=" + SELF_HOSTED.catalog().warehouse());
    assertThat(trino.at("/serviceAccount/name").asText())
        .isEqualTo(ClusterProfile.LAKE_SERVICE_ACCOUNT);

    JsonNode notebookEnv = helmValues(Manifests.JUPYTERHUB_VALUES).at("/singleuser/extraEnv");
    for (String name : List.of("ICEBERG_WAREHOUSE", "S3_ENDPOINT", "S3_REGION")) {
      assertThat(notebookEnv.at("/" + name + "/valueFrom/configMapKeyRef/name").asText())
          .as(name)
          .isEqualTo(CONFIG);
    }
    for (String name : List.of("S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY")) {
      assertThat(notebookEnv.at("/" + name + "/valueFrom/secretKeyRef/name").asText())
          .as(name)
          .isEqualTo(SECRET);
    }
    // Superset queries the lake through Trino and holds no lake setting of its own.
    assertThat(ProjectFiles.read(ProjectFiles.manifests().resolve("helm/superset-values.yaml")))
        .doesNotContainIgnoringCase("s3.")
        .doesNotContain("warehouse");
  }

  @Test
  void theSelfHostedStoreServesTheBucketWithTheClientsKeys() {
    List<ManifestDocument> store =
        ManifestDocument.all().stream()
            .filter(document -> document.name().equals(ClusterProfile.OBJECT_STORE))
            .toList();
    assertThat(store).extracting(ManifestDocument::kind).containsExactly("StatefulSet", "Service");
    JsonNode container = store.get(0).tree().at("/spec/template/spec/containers").get(0);
    assertThat(container.path("image").asText()).isEqualTo(SELF_HOSTED.appsImage());
    assertThat(container.at("/env/0/valueFrom/secretKeyRef/key").asText())
        .isEqualTo(EnvSetting.S3_ACCESS_KEY_ID.secretKey());
    assertThat(container.at("/env/1/valueFrom/secretKeyRef/key").asText())
        .isEqualTo(EnvSetting.S3_SECRET_ACCESS_KEY.secretKey());
    assertThat(container.at("/env/0/valueFrom/secretKeyRef/optional").isMissingNode()).isTrue();
    String script = container.path("command").get(2).asText();
    assertThat(script)
        .contains("mkdir -p /data/" + SELF_HOSTED.lakeBucket())
        .contains("0.0.0.0:" + ClusterProfile.OBJECT_STORE_PORT)
        .contains("\"s3proxy.credential=$S3_SECRET_ACCESS_KEY\"")
        .doesNotContain("java -D");
    assertThat(store.get(1).tree().at("/spec/ports/0/port").asInt())
        .isEqualTo(ClusterProfile.OBJECT_STORE_PORT);
  }

  @Test
  void theCloudVariantUsesPodIdentityAndNoStoreOfItsOwn() {
    List<ManifestDocument> cloud = ManifestDocument.cloudStorage();
    Map<String, String> config = configMap(cloud);
    assertThat(config.get("S3_ENDPOINT")).isEmpty();
    assertThat(config.get("ICEBERG_WAREHOUSE")).startsWith("s3://");
    assertThat(cloud).noneMatch(document -> document.name().equals(ClusterProfile.OBJECT_STORE));
    for (String account :
        List.of(ClusterProfile.SPARK_SERVICE_ACCOUNT, ClusterProfile.LAKE_SERVICE_ACCOUNT)) {
      JsonNode serviceAccount =
          cloud.stream()
              .filter(d -> d.kind().equals("ServiceAccount") && d.name().equals(account))
              .findFirst()
              .orElseThrow()
              .tree();
      assertThat(
              serviceAccount.at("/metadata/annotations").path(PodIdentity.ROLE_ANNOTATION).asText())
          .as(account)
          .isEqualTo(PodIdentity.ROLE_PLACEHOLDER);
    }
    // The self-hosted variant annotates nothing: its pods use the keys.
    assertThat(ManifestDocument.all())
        .filteredOn(d -> d.kind().equals("ServiceAccount"))
        .allMatch(d -> d.tree().at("/metadata/annotations").isMissingNode());
    // Executors, which write the lake's files, run as the lake's account in both variants.
    for (ManifestDocument application :
        cloud.stream().filter(d -> d.kind().equals(SparkApplications.KIND)).toList()) {
      assertThat(
              application
                  .tree()
                  .at("/spec/executorSpec/podTemplateSpec/spec/serviceAccountName")
                  .asText())
          .isEqualTo(ClusterProfile.LAKE_SERVICE_ACCOUNT);
    }
    String lake =
        helmValues(Manifests.CLOUD_STORAGE + "/" + Manifests.TRINO_VALUES)
            .path("catalogs")
            .path("iceberg")
            .asText();
    assertThat(lake)
        .contains("fs.native-s3.enabled=true")
        .doesNotContain("s3.endpoint")
        .doesNotContain("aws-access-key");
    // Lake clients may leave the cluster for the cloud's S3 on HTTPS, and nothing else may.
    String policies =
        ProjectFiles.read(
            ProjectFiles.manifests()
                .resolve(Manifests.CLOUD_STORAGE + "/generated/network-policies.yaml"));
    assertThat(policies).contains("cidr: 0.0.0.0/0").doesNotContain(ClusterProfile.OBJECT_STORE);
  }

  private static Map<String, String> configMap(List<ManifestDocument> documents) {
    JsonNode data =
        documents.stream()
            .filter(d -> d.kind().equals("ConfigMap") && d.name().equals(CONFIG))
            .findFirst()
            .orElseThrow()
            .tree()
            .path("data");
    Map<String, String> values = new LinkedHashMap<>();
    data.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asText()));
    return values;
  }

  /** The ConfigMap or Secret an environment variable's value comes from. */
  private static String source(JsonNode env, String name) {
    for (JsonNode variable : env) {
      if (variable.path("name").asText().equals(name)) {
        JsonNode from = variable.path("valueFrom");
        return from.has("configMapKeyRef")
            ? from.at("/configMapKeyRef/name").asText()
            : from.at("/secretKeyRef/name").asText();
      }
    }
    throw new AssertionError("no " + name + " in " + env);
  }

  private static JsonNode helmValues(String path) {
    return ManifestDocument.parse(path, ProjectFiles.read(ProjectFiles.manifests().resolve(path)))
        .get(0)
        .tree();
  }
}
