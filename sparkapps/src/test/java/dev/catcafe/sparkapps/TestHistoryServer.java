package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.jobs.SparkJob;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The cluster's event logs: every SparkApplication's driver (streaming, and each batch CronJob's
 * template) writes to the one directory of the ConfigMap, and the History Server reads that same
 * setting, all through the lake's object store: in its bucket, with its endpoint and keys.
 */
final class TestHistoryServer {
  private static final String SETTING = EnvSetting.SPARK_EVENT_LOG_DIR.name();

  @Test
  void theEventLogDirectoryIsOneConfigMapSettingInTheLakesBucket() {
    ClusterProfile profile = ClusterProfile.defaults();
    assertThat(profile.eventLogDirectory()).isEqualTo("s3://catcafe-lake/spark-events");
    assertThat(profile.catalog().warehouse()).startsWith("s3://" + profile.lakeBucket() + "/");
    JsonNode config = document("ConfigMap", ClusterProfile.CONFIG_MAP).tree();
    assertThat(config.path("data").path(SETTING).asText()).isEqualTo(profile.eventLogDirectory());
  }

  @Test
  void everySparkApplicationWritesItsEventLogToTheConfiguredDirectory() {
    List<ManifestDocument> applications = sparkApplications();
    assertThat(applications).hasSize(SparkJob.values().length);
    for (ManifestDocument application : applications) {
      JsonNode driver =
          application.tree().path("spec").path("driverSpec").path("podTemplateSpec").path("spec");
      assertThat(referencesTheSetting(driver.path("containers").get(0)))
          .as("%s's driver reads %s from the ConfigMap", application.name(), SETTING)
          .isTrue();
      assertThat(readsTheStore(driver.path("containers").get(0)))
          .as("%s's driver reads the store's settings", application.name())
          .isTrue();
      // The job's own session turns the setting into spark.eventLog.*: none is set twice here.
      assertThat(application.tree().path("spec").path("sparkConf").fieldNames())
          .toIterable()
          .noneMatch(key -> key.startsWith("spark.eventLog."));
    }
  }

  @Test
  void theHistoryServerReadsTheSameDirectoryBehindItsService() {
    JsonNode pod =
        document("Deployment", "history-server").tree().path("spec").path("template").path("spec");
    JsonNode container = pod.path("containers").get(0);
    assertThat(referencesTheSetting(container)).isTrue();
    assertThat(readsTheStore(container)).isTrue();
    assertThat(pod.path("volumes").findValuesAsText("claimName")).isEmpty();
    assertThat(container.path("command").get(container.path("command").size() - 1).asText())
        .isEqualTo(JvmApp.HISTORY_SERVER.mainClass());
    assertThat(literal(container, "SPARK_HISTORY_BIND_ADDRESS")).isEqualTo("0.0.0.0");
    assertThat(literal(container, "SPARK_HISTORY_PORT"))
        .isEqualTo(Integer.toString(JvmApp.HISTORY_SERVER_PORT));
    // The drivers write their logs group-private as the spark user: the server runs as it.
    assertThat(pod.path("securityContext").path("runAsUser").asLong())
        .isEqualTo(Workloads.SPARK_USER);
    JsonNode service = document("Service", "history-server").tree();
    assertThat(service.path("spec").path("ports").get(0).path("port").asInt())
        .isEqualTo(JvmApp.HISTORY_SERVER_PORT);
  }

  @Test
  void theMakefilesHistoryPortDefaultIsTheCatalogs() {
    Matcher port =
        Pattern.compile("(?m)^export SPARK_HISTORY_PORT \\?= (\\d+)$")
            .matcher(ProjectFiles.read(ProjectFiles.root().resolve("Makefile")));
    assertThat(port.find()).as("the Makefile exports SPARK_HISTORY_PORT").isTrue();
    assertThat(Integer.parseInt(port.group(1))).isEqualTo(JvmApp.HISTORY_SERVER_PORT);
  }

  private static List<ManifestDocument> sparkApplications() {
    List<ManifestDocument> applications = new ArrayList<>();
    for (ManifestDocument document : ManifestDocument.all()) {
      if (document.kind().equals(SparkApplications.KIND)) {
        applications.add(document);
      }
    }
    return applications;
  }

  private static ManifestDocument document(String kind, String name) {
    return ManifestDocument.all().stream()
        .filter(document -> document.kind().equals(kind) && document.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private static boolean referencesTheSetting(JsonNode container) {
    for (JsonNode variable : container.path("env")) {
      JsonNode reference = variable.path("valueFrom").path("configMapKeyRef");
      if (variable.path("name").asText().equals(SETTING)
          && reference.path("name").asText().equals(ClusterProfile.CONFIG_MAP)
          && reference.path("key").asText().equals(SETTING)) {
        return true;
      }
    }
    return false;
  }

  /** The store's endpoint from the ConfigMap, its keys from the credentials Secret. */
  private static boolean readsTheStore(JsonNode container) {
    List<String> names = new ArrayList<>();
    for (JsonNode variable : container.path("env")) {
      JsonNode source = variable.path("valueFrom");
      if (source.has("configMapKeyRef")
          || source
              .path("secretKeyRef")
              .path("name")
              .asText()
              .equals(ClusterProfile.CREDENTIALS_SECRET)) {
        names.add(variable.path("name").asText());
      }
    }
    return names.containsAll(
        List.of(
            EnvSetting.S3_ENDPOINT.name(),
            EnvSetting.S3_REGION.name(),
            EnvSetting.S3_ACCESS_KEY_ID.name(),
            EnvSetting.S3_SECRET_ACCESS_KEY.name()));
  }

  private static String literal(JsonNode container, String name) {
    for (JsonNode variable : container.path("env")) {
      if (variable.path("name").asText().equals(name)) {
        return variable.path("value").asText();
      }
    }
    throw new AssertionError("no " + name);
  }
}
