package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catcafe.model.jobs.CatalogEntry;
import dev.catcafe.model.jobs.JobCatalog;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.jobs.PodResources;
import dev.catcafe.model.jobs.RunnableModule;
import dev.catcafe.model.jobs.SparkJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Everything that starts a job names it from the job catalog, and every job of the catalog is
 * started by something: the Makefile's targets, the scripts under {@code bin/}, the local batch
 * scheduler (through {@code batch-scheduler}), the platform launcher and the generated manifests;
 * the README's table of Spark jobs lists the catalog's. Adding a job is one catalog entry;
 * forgetting to wire it fails here.
 */
final class TestJobCatalogConsumers {
  private static final Pattern MAKEFILE_JOB =
      Pattern.compile("\\$\\((?:RUN_JOB\\)|APP\\) start) ([a-z][a-z0-9-]*)");
  private static final Pattern MAIN_CLASS = Pattern.compile("dev\\.catcafe\\.[a-z.]+\\.[A-Z]\\w*");
  private static final Pattern TARGET = Pattern.compile("^([a-zA-Z0-9_-]+):");
  private static final Pattern BENCHMARK_TARGET =
      Pattern.compile("(?m)^([a-zA-Z0-9_-]+):.*## Benchmark: ");

  @Test
  void theMakefileNamesOnlyCatalogJobs() {
    assertThat(makefileJobs()).isNotEmpty().isSubsetOf(JobCatalog.names());
  }

  @Test
  void theMakefileSpellsOutNoMainClassOutsideTheBenchmarks() {
    for (MakefileLine line : makefileLines()) {
      if (!benchmarkTargets().contains(line.target())) {
        assertThat(MAIN_CLASS.matcher(line.text()).find())
            .as("Makefile target %s names a main class: %s", line.target(), line.text())
            .isFalse();
      }
    }
  }

  @Test
  void everyCatalogEntryIsStartedBySomething() {
    Set<String> started = new TreeSet<>(makefileJobs());
    if (started.contains(JvmApp.BATCH_SCHEDULER.jobName())) {
      JobCatalog.batchSequence().forEach(job -> started.add(job.jobName()));
    }
    if (launcherSource().contains("JvmApp.CATALOG_BOOTSTRAP")) {
      started.add(JvmApp.CATALOG_BOOTSTRAP.jobName());
    }
    for (CatalogEntry entry : JobCatalog.entries()) {
      if (binScripts().stream()
          .anyMatch(script -> mainClasses(script).contains(entry.mainClass()))) {
        started.add(entry.jobName());
      }
    }

    assertThat(started).containsExactlyInAnyOrderElementsOf(JobCatalog.names());
  }

  @Test
  void binScriptsNameOnlyCatalogMainClassesAndStartAppsByName() {
    Set<String> known =
        JobCatalog.entries().stream().map(CatalogEntry::mainClass).collect(Collectors.toSet());
    known.add(JobCatalog.class.getName());
    for (String script : binScripts()) {
      assertThat(mainClasses(script)).isSubsetOf(known);
    }
    String app = ProjectFiles.read(ProjectFiles.root().resolve("bin/app"));
    assertThat(mainClasses(app)).as("bin/app names no main class").isEmpty();
    assertThat(app).as("bin/app starts a job by its catalog name").contains("bin/run-job");
  }

  @Test
  void theMakefilesAlertUiPortDefaultIsTheCatalogs() {
    assertMakefileExportsPortDefault("ALERT_UI_PORT", JvmApp.ALERT_UI_PORT);
  }

  @Test
  void theMakefilesHistoryServerPortDefaultIsTheCatalogs() {
    assertMakefileExportsPortDefault("SPARK_HISTORY_PORT", JvmApp.HISTORY_SERVER_PORT);
  }

  /**
   * The Makefile exports {@code variable} with {@code port} as its default, and names it nowhere
   * else.
   */
  private static void assertMakefileExportsPortDefault(String variable, int port) {
    Matcher exported =
        Pattern.compile("(?m)^export " + variable + " \\?= (\\d+)$").matcher(makefile());
    assertThat(exported.find()).as("the Makefile exports %s", variable).isTrue();
    assertThat(Integer.parseInt(exported.group(1))).isEqualTo(port);
    assertThat(makefile().replace(variable + " ?= " + port, ""))
        .doesNotContain(Integer.toString(port));
  }

  @Test
  void theGeneratedManifestsRunExactlyTheCatalogsClusterJobs() {
    List<ManifestDocument> documents = ManifestDocument.all();
    Set<String> sparkMainClasses = new TreeSet<>();
    Set<String> sparkNames = new TreeSet<>();
    Set<String> deployedMainClasses = new TreeSet<>();
    for (ManifestDocument document : documents) {
      JsonNode tree = document.tree();
      if (document.kind().equals(SparkApplications.KIND)) {
        sparkMainClasses.add(tree.path("spec").path("mainClass").asText());
        sparkNames.add(document.name().replaceFirst("-$", ""));
      }
      if (document.kind().equals("Deployment")) {
        JsonNode pod = tree.path("spec").path("template").path("spec");
        Stream.concat(containers(pod.path("initContainers")), containers(pod.path("containers")))
            .map(container -> container.path("command"))
            .filter(command -> command.size() > 0)
            .forEach(command -> deployedMainClasses.add(command.get(command.size() - 1).asText()));
      }
    }
    List<SparkJob> jobs = Arrays.asList(SparkJob.values());

    assertThat(sparkNames)
        .containsExactlyInAnyOrderElementsOf(jobs.stream().map(SparkJob::jobName).toList());
    assertThat(sparkMainClasses)
        .containsExactlyInAnyOrderElementsOf(jobs.stream().map(SparkJob::mainClass).toList());
    assertThat(deployedMainClasses)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(JvmApp.values())
                .filter(app -> app.deployment() == JvmApp.Deployment.CLUSTER)
                .map(JvmApp::mainClass)
                .toList());
    assertThat(generatedSparkFiles())
        .containsExactlyInAnyOrderElementsOf(
            jobs.stream().map(job -> "spark-" + job.jobName() + ".yaml").toList());
  }

  @Test
  void everyDeployedProgramsContainerAsksForItsCatalogEntrysResources() {
    Map<String, JvmApp> byMainClass =
        Arrays.stream(JvmApp.values()).collect(Collectors.toMap(JvmApp::mainClass, app -> app));
    int checked = 0;
    for (ManifestDocument document : ManifestDocument.all()) {
      if (!document.kind().equals("Deployment")) {
        continue;
      }
      JsonNode pod = document.tree().path("spec").path("template").path("spec");
      for (JsonNode container :
          Stream.concat(containers(pod.path("initContainers")), containers(pod.path("containers")))
              .filter(container -> container.path("command").size() > 0)
              .toList()) {
        JsonNode command = container.path("command");
        JvmApp app = byMainClass.get(command.get(command.size() - 1).asText());
        assertThat(app).as("%s runs a catalog program", document.name()).isNotNull();
        PodResources declared = app.podResources().orElseThrow();
        JsonNode resources = container.path("resources");
        assertThat(
                List.of(
                    resources.path("requests").path("cpu").asText(),
                    resources.path("requests").path("memory").asText(),
                    resources.path("limits").path("cpu").asText(),
                    resources.path("limits").path("memory").asText()))
            .as("%s's container %s", document.name(), container.path("name").asText())
            .containsExactly(
                declared.cpuRequest(),
                declared.memoryRequest(),
                declared.cpuLimit(),
                declared.memoryLimit());
        checked++;
      }
    }
    assertThat(checked)
        .as("containers of catalog programs checked")
        .isGreaterThanOrEqualTo(
            (int)
                Arrays.stream(JvmApp.values())
                    .filter(app -> app.deployment() == JvmApp.Deployment.CLUSTER)
                    .count());
  }

  @Test
  void theReadmesJobTableListsExactlyTheCatalogsSparkJobs() {
    Matcher row =
        Pattern.compile("(?m)^\\| ([a-z][a-z0-9-]*) \\| `(dev\\.catcafe\\.[\\w.]+)` \\|")
            .matcher(ProjectFiles.read(ProjectFiles.root().resolve("sparkapps/README.md")));
    List<String> documented = new ArrayList<>();
    while (row.find()) {
      documented.add(row.group(1) + " " + row.group(2));
    }
    assertThat(documented)
        .containsExactlyElementsOf(
            Arrays.stream(SparkJob.values())
                .map(job -> job.jobName() + " " + job.mainClass())
                .toList());
  }

  @Test
  void exactlyTheRunnableModulesBuildARunnableLayout() {
    Set<String> declared = new TreeSet<>();
    for (Path pom : modulePoms()) {
      if (ProjectFiles.read(pom).contains("<dist.skip>false</dist.skip>")) {
        declared.add(ProjectFiles.root().relativize(pom.getParent()).toString());
      }
    }
    assertThat(declared)
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(RunnableModule.values()).map(RunnableModule::directory).toList());
  }

  private record MakefileLine(String target, String text) {}

  private static String makefile() {
    return ProjectFiles.read(ProjectFiles.root().resolve("Makefile"));
  }

  private static List<MakefileLine> makefileLines() {
    List<MakefileLine> lines = new ArrayList<>();
    String target = "";
    for (String line : makefile().split("\n")) {
      Matcher header = TARGET.matcher(line);
      if (header.find()) {
        target = header.group(1);
      }
      lines.add(new MakefileLine(target, line));
    }
    return lines;
  }

  /** The targets whose help says they are benchmarks ({@code ## Benchmark: ...}). */
  private static Set<String> benchmarkTargets() {
    return matches(BENCHMARK_TARGET, makefile(), 1);
  }

  private static Set<String> makefileJobs() {
    return matches(MAKEFILE_JOB, makefile(), 1);
  }

  private static List<String> binScripts() {
    try (Stream<Path> files = Files.list(ProjectFiles.root().resolve("bin"))) {
      return files
          .filter(Files::isRegularFile)
          .filter(path -> !path.getFileName().toString().endsWith(".md"))
          .sorted()
          .map(ProjectFiles::read)
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Set<String> mainClasses(String text) {
    return matches(MAIN_CLASS, text, 0);
  }

  /** Group {@code group} of every match of {@code pattern} in {@code text}, sorted. */
  private static Set<String> matches(Pattern pattern, String text, int group) {
    return pattern
        .matcher(text)
        .results()
        .map(match -> match.group(group))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The poms of the modules (at most two folders deep, as platform/launcher). */
  private static List<Path> modulePoms() {
    Path root = ProjectFiles.root();
    try (Stream<Path> files =
        Files.find(
            root,
            3,
            (path, attributes) ->
                path.getFileName().toString().equals("pom.xml")
                    && !root.relativize(path).toString().contains("target"))) {
      return files.sorted().toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String launcherSource() {
    return ProjectFiles.read(
        ProjectFiles.sourceOf("platform/launcher", "dev.catcafe.platform.LocalPlatform"));
  }

  private static Stream<JsonNode> containers(JsonNode array) {
    List<JsonNode> containers = new ArrayList<>();
    array.forEach(containers::add);
    return containers.stream();
  }

  private static List<String> generatedSparkFiles() {
    try (Stream<Path> files = Files.list(ProjectFiles.manifests().resolve(Manifests.GENERATED))) {
      return files
          .map(path -> path.getFileName().toString())
          .filter(name -> name.startsWith("spark-"))
          .toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
