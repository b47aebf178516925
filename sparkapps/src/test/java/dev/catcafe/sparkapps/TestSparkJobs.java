package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catcafe.model.config.LifecycleSettings;
import dev.catcafe.model.jobs.JobKind;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.jobs.SettingsGroup;
import dev.catcafe.model.jobs.SparkJob;
import dev.catcafe.model.testing.ConfigAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The job declarations agree with the code they start, and the SparkApplications agree with the
 * declarations: main classes exist, their options exist, the lake's settings come from the
 * environment the job turns into {@code SparkCatalogConf}'s, and from nowhere else.
 */
final class TestSparkJobs {
  private static final ClusterProfile PROFILE = ClusterProfile.defaults();
  private static final List<ManifestDocument> DOCUMENTS = ManifestDocument.all();
  private static final Pattern OPTION = Pattern.compile("^(--[a-z][a-z0-9-]*)(=.*)?$");

  @Test
  void mainClassesExistInTheirModulesWithAMainMethod() {
    for (SparkJob job : SparkJob.values()) {
      assertMainClass(job.module().directory(), job.mainClass());
    }
    for (JvmApp app : JvmApp.values()) {
      assertMainClass(app.module().directory(), app.mainClass());
    }
  }

  @Test
  void everyDriverArgumentIsAnOptionOfTheMainClass() throws Exception {
    for (SparkJob job : SparkJob.values()) {
      // The command's options, its mixins' included.
      Set<String> options =
          new CommandLine(TestJobArguments.newCommand(job)).getCommandSpec().optionsMap().keySet();
      for (String argument : SparkApplications.driverArgs(job, PROFILE)) {
        Matcher option = OPTION.matcher(argument);
        assertThat(option.matches()).as("%s: %s is an --option", job, argument).isTrue();
        assertThat(options)
            .as("%s declares %s", job.mainClass(), option.group(1))
            .contains(option.group(1));
      }
    }
  }

  @Test
  void everyEnvironmentVariableIsReadBySomeProgram() {
    String sources =
        String.join(
                "\n",
                ProjectFiles.filesUnder(ProjectFiles.root().resolve("model/src/main/java"), ".java")
                    .stream()
                    .map(ProjectFiles::read)
                    .toList())
            + ProjectFiles.read(ProjectFiles.sourceOf("alert-ui", JvmApp.ALERT_UI.mainClass()));
    for (EnvSetting setting : EnvSetting.values()) {
      assertThat(sources)
          .as("a program reads %s", setting)
          .containsAnyOf("env:" + setting.name() + ":", "\"" + setting.name() + "\"");
    }
  }

  @Test
  void everyStreamingJobIsASparkApplicationAndEveryBatchJobACronJobWithATemplate() {
    for (SparkJob job : SparkJob.values()) {
      switch (job.kind()) {
        case STREAMING -> {
          JsonNode application = sparkApplication(job);
          assertThat(application.path("metadata").path("name").asText()).isEqualTo(job.jobName());
          assertThat(restartConfig(application).path("restartPolicy").asText()).isEqualTo("Always");
        }
        case BATCH -> {
          JsonNode cronJob = document("CronJob", job.jobName()).tree();
          assertThat(cronJob.path("spec").path("schedule").asText())
              .isEqualTo(job.schedule().orElseThrow());
          JsonNode pod =
              cronJob.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
          assertThat(pod.path("serviceAccountName").asText())
              .isEqualTo(ClusterProfile.LAUNCHER_SERVICE_ACCOUNT);
          assertThat(pod.path("volumes").findValuesAsText("name"))
              .contains(BatchSchedules.templateName(job));
          JsonNode application = sparkApplication(job);
          assertThat(application.path("metadata").path("generateName").asText())
              .isEqualTo(job.jobName() + "-");
          assertThat(restartConfig(application).path("restartPolicy").asText())
              .isEqualTo(job.restart().policy().name());
        }
      }
    }
  }

  @Test
  void sparkApplicationsCarryTheDeclaredJob() {
    for (SparkJob job : SparkJob.values()) {
      JsonNode spec = sparkApplication(job).path("spec");
      assertThat(spec.path("mainClass").asText()).isEqualTo(job.mainClass());
      assertThat(spec.path("jars").asText()).isEqualTo(SparkApplications.jarUri(job));
      assertThat(spec.path("runtimeVersions").path("sparkVersion").asText()).isEqualTo("4.1.3");
      assertThat(spec.path("driverArgs").findValuesAsText("")).isNotNull();
      assertThat(texts(spec.path("driverArgs")))
          .isEqualTo(SparkApplications.driverArgs(job, PROFILE));
      JsonNode conf = spec.path("sparkConf");
      assertThat(conf.path("spark.kubernetes.container.image").asText())
          .isEqualTo(PROFILE.sparkJobsImage());
      assertThat(conf.path("spark.driver.memory").asText())
          .isEqualTo(job.resources().driverMemory());
      assertThat(conf.path("spark.kubernetes.driver.limit.cores").asText())
          .isEqualTo(Integer.toString(job.resources().driverCores()));
      assertThat(conf.path("spark.executor.instances").asText())
          .isEqualTo(Integer.toString(job.resources().executors()));
    }
  }

  /**
   * A job's own JVM options (the ingestion's collector) reach the JVMs that run its tasks in the
   * cluster, as {@code bin/run-job} gives them locally; a job without any sets none.
   */
  @Test
  void jobsOwnJvmOptionsReachTheDriverAndTheExecutors() {
    assertThat(SparkJob.RAW_INGESTION.jvmOptions())
        .containsExactly(
            "-XX:+UseParallelGC",
            "-XX:Tier4InvocationThreshold=50000",
            "-XX:Tier4MinInvocationThreshold=6000",
            "-XX:Tier4CompileThreshold=150000",
            "-XX:Tier4BackEdgeThreshold=400000");
    for (SparkJob job : SparkJob.values()) {
      Map<String, String> conf = strings(sparkApplication(job).path("spec").path("sparkConf"));
      String options = String.join(" ", job.jvmOptions());
      if (job.jvmOptions().isEmpty()) {
        assertThat(conf)
            .as(job.jobName())
            .doesNotContainKeys("spark.driver.extraJavaOptions", "spark.executor.extraJavaOptions");
      } else {
        assertThat(conf).as(job.jobName()).containsEntry("spark.driver.extraJavaOptions", options);
        if (job.resources().executors() > 0) {
          assertThat(conf)
              .as(job.jobName())
              .containsEntry("spark.executor.extraJavaOptions", options);
        }
      }
    }
  }

  /**
   * The lake's settings have one home, the ConfigMap and the Secrets: no SparkApplication repeats
   * the catalog's or the store's Spark settings (the job sets them from its environment), and every
   * driver of a job that opens the lake reads all of them.
   */
  @Test
  void theLakesSettingsComeFromTheEnvironmentOnly() {
    for (SparkJob job : SparkJob.values()) {
      Map<String, String> conf = strings(sparkApplication(job).path("spec").path("sparkConf"));
      assertThat(conf.keySet())
          .as(job.jobName())
          .noneMatch(
              key ->
                  key.startsWith("spark.sql.catalog.")
                      || key.startsWith("spark.hadoop.fs.s3")
                      || key.equals("spark.sql.extensions"));
      assertThat(envNames(job))
          .as(job.jobName())
          .contains("S3_ENDPOINT", "S3_REGION", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY");
      if (job.settings().contains(SettingsGroup.CATALOG)) {
        assertThat(envNames(job))
            .contains("ICEBERG_WAREHOUSE", "ICEBERG_CATALOG_URI", "ICEBERG_CATALOG_PASSWORD");
      }
    }
  }

  @Test
  void driversGetTheSettingsTheirMainClassReadsAndTheMaster() throws Exception {
    for (SparkJob job : SparkJob.values()) {
      List<String> expected =
          new ArrayList<>(EnvSetting.of(job.settings()).stream().map(Enum::name).toList());
      expected.add("SPARK_MASTER");
      expected.add("HOME");
      if (job.metricsPort().isPresent()) {
        expected.add("METRICS_HOST");
      }
      assertThat(envNames(job)).as(job.jobName()).isEqualTo(expected);
      // The variables the command's option defaults read (its mixins' included).
      assertThat(ConfigAssertions.environmentVariables(TestJobArguments.newCommand(job)))
          .as(job.jobName())
          .containsAll(
              EnvSetting.of(job.settings()).stream()
                  .filter(setting -> !setting.hasSecretValue())
                  .map(Enum::name)
                  .toList());
    }
  }

  @Test
  void dailyBatchRunsInOrderSnapshotThenSummaryThenMaintenance() {
    assertThat(minuteOfDay(SparkJob.PROFILE_SNAPSHOT))
        .as("the summary reads the profiles the snapshot just copied")
        .isLessThan(minuteOfDay(SparkJob.DAILY_CAT_SUMMARY));
    assertThat(minuteOfDay(SparkJob.DAILY_CAT_SUMMARY))
        .as("maintenance compacts after the day's writes")
        .isLessThan(minuteOfDay(SparkJob.TABLE_MAINTENANCE));
  }

  @Test
  void podsMayTakeTheJobsStopTimeoutAndTheExitMarginToStop() {
    LifecycleSettings defaults = LifecycleSettings.defaults();
    for (SparkJob job : SparkJob.values()) {
      JsonNode driver =
          sparkApplication(job)
              .path("spec")
              .path("driverSpec")
              .path("podTemplateSpec")
              .path("spec");
      assertThat(driver.path("terminationGracePeriodSeconds").asLong(-1))
          .as("%s driver grace", job)
          .isEqualTo(job.stopGrace().toSeconds());
      if (job.kind() == JobKind.STREAMING) {
        assertThat(job.stopGrace().toSeconds())
            .as("%s: the kubelet waits out --stop-timeout and the JVM's exit", job)
            .isEqualTo(defaults.stopTimeout().plus(LifecycleSettings.EXIT_MARGIN).toSeconds());
      }
    }
    for (String deployment : List.of("alert-ui", "simulator")) {
      assertThat(
              document("Deployment", deployment)
                  .tree()
                  .path("spec")
                  .path("template")
                  .path("spec")
                  .path("terminationGracePeriodSeconds")
                  .asLong(-1))
          .as("%s grace", deployment)
          .isEqualTo(JvmApp.DEFAULT_STOP_GRACE.toSeconds());
    }
  }

  @Test
  void theRealTimeAlertJobHasASlotPerKafkaPartition() {
    // Real-time mode holds one task slot per Kafka partition for as long as a batch runs.
    assertThat(SparkApplications.sparkMaster(SparkJob.WELLNESS_GUARDIAN))
        .isEqualTo("local[%d]".formatted(SparkJob.WELLNESS_GUARDIAN.resources().driverCores()));
    assertThat(SparkJob.WELLNESS_GUARDIAN.resources().driverCores())
        .isGreaterThanOrEqualTo(KafkaTopics.PARTITIONS);
  }

  private static int minuteOfDay(SparkJob job) {
    String[] fields = job.schedule().orElseThrow().split(" ");
    assertThat(fields).as("daily schedule of %s", job).hasSize(5);
    assertThat(String.join(" ", fields[2], fields[3], fields[4])).isEqualTo("* * *");
    return Integer.parseInt(fields[1]) * 60 + Integer.parseInt(fields[0]);
  }

  private static void assertMainClass(String module, String mainClass) {
    Path source = ProjectFiles.sourceOf(module, mainClass);
    assertThat(Files.isRegularFile(source)).as("%s exists", source).isTrue();
    assertThat(ProjectFiles.read(source)).contains("public static void main(String[] args)");
  }

  private static JsonNode restartConfig(JsonNode application) {
    return application.path("spec").path("applicationTolerations").path("restartConfig");
  }

  private static List<String> envNames(SparkJob job) {
    JsonNode container =
        sparkApplication(job)
            .path("spec")
            .path("driverSpec")
            .path("podTemplateSpec")
            .path("spec")
            .path("containers")
            .get(0);
    // The variables' own names, not those of the ConfigMap and Secrets they reference.
    List<String> names = new ArrayList<>();
    container.path("env").forEach(variable -> names.add(variable.path("name").asText()));
    return names;
  }

  /** The SparkApplication of a job: the named one, or the one in its batch template. */
  private static JsonNode sparkApplication(SparkJob job) {
    List<ManifestDocument> found =
        DOCUMENTS.stream()
            .filter(document -> document.kind().equals(SparkApplications.KIND))
            .filter(
                document ->
                    document.tree().path("spec").path("mainClass").asText().equals(job.mainClass()))
            .toList();
    assertThat(found).as("one SparkApplication runs %s", job.mainClass()).hasSize(1);
    return found.get(0).tree();
  }

  private static ManifestDocument document(String kind, String name) {
    return DOCUMENTS.stream()
        .filter(document -> document.kind().equals(kind) && document.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no %s %s".formatted(kind, name)));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> map = new LinkedHashMap<>();
    object.properties().forEach(entry -> map.put(entry.getKey(), entry.getValue().asText()));
    return map;
  }
}
