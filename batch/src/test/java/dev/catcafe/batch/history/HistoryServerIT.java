package dev.catcafe.batch.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catcafe.batch.schedule.BatchProcesses;
import dev.catcafe.batch.snapshot.ProfileSnapshotJob;
import dev.catcafe.batch.summary.TestingCats;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.platform.Ports;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.TestingCatalogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The History Server on the real platform: a real batch job (the profile snapshot, as its own JVM
 * through {@code bin/run}, as {@code make batch} runs it) writes its event log into a directory of
 * its own, the real History Server ({@code history-server} of the job catalog) reads that directory
 * on a free port, and its REST API lists the finished application with its jobs, labelled with the
 * job's step descriptions.
 */
@ExtendWith(LocalPlatformExtension.class)
final class HistoryServerIT {
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration SERVER_TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @Test
  void listsAFinishedBatchRunWithItsLabelledJobs(TestingPlatform platform) throws Exception {
    long testStarted = System.nanoTime();
    CatalogSettings catalog = TestingCatalogs.onPlatform(CatalogType.JDBC, platform, "it_history");
    PostgresSettings postgres = platform.isolatedPostgres("it_history");
    TestingCats.reset(postgres);
    TestingCats.upsert(postgres, Map.of("it-history-cat", "Hopper"));
    Path eventLog = platform.scratchDirectory("spark-events");
    Map<String, String> environment =
        new LinkedHashMap<>(platform.environment(platform.kafka(), postgres, catalog));
    environment.put("SPARK_EVENT_LOG_DIR", eventLog.toUri().toString());

    int port = Ports.freePort();
    Path serverLog = Files.createTempFile("history-server", ".log");
    // Started first, so its start-up overlaps the job's; it finds the log on a later scan.
    long started = System.nanoTime();
    Process server = startHistoryServer(eventLog, port, serverLog);
    try {
      BatchProcesses.Outcome run =
          BatchProcesses.run(environment, JOB_TIMEOUT, ProfileSnapshotJob.class.getName());
      assertThat(run.exitStatus()).as(run.toString()).isZero();
      // One application, one rolling log directory (compressed event files inside).
      assertThat(entries(eventLog)).singleElement().asString().startsWith("eventlog_v2_");

      long jobDone = System.nanoTime();
      String base = "http://127.0.0.1:%d/api/v1".formatted(port);
      List<JsonNode> applications = new ArrayList<>();
      Polling.awaitAsserted(
          SERVER_TIMEOUT,
          () -> {
            assertThat(server.isAlive())
                .as("history server is running; " + tail(serverLog))
                .isTrue();
            JsonNode listed = get(base + "/applications");
            assertThat(listed).as("applications").hasSize(1);
            // A scan during the run lists it unfinished; a later one sees it completed.
            assertThat(listed.get(0).path("attempts").get(0).path("completed").asBoolean())
                .as("finished: " + listed)
                .isTrue();
            applications.clear();
            applications.add(listed.get(0));
          });
      System.out.printf(
          "set-up %d s; profile snapshot ran in %d s; the History Server listed it %d ms later%n",
          Duration.ofNanos(started - testStarted).toSeconds(),
          Duration.ofNanos(jobDone - started).toSeconds(),
          Duration.ofNanos(System.nanoTime() - jobDone).toMillis());
      JsonNode application = applications.get(0);
      assertThat(application.path("name").asText()).isEqualTo("profile-snapshot");

      JsonNode jobs = get(base + "/applications/" + application.path("id").asText() + "/jobs");
      assertThat(jobs).isNotEmpty();
      List<String> descriptions = new ArrayList<>();
      for (JsonNode job : jobs) {
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("SUCCEEDED");
        if (job.path("jobGroup").asText().equals(ProfileSnapshotJob.JOB_GROUP)) {
          descriptions.add(job.path("description").asText());
        }
      }
      // The steps' labels (JobGroups) survive into the history.
      assertThat(descriptions)
          .contains(
              "profile snapshot: " + LakeTable.CATS_PROFILES_RAW.tableName(),
              "profile snapshot: " + LakeTable.VISITORS_PROFILES_RAW.tableName());
    } finally {
      server.destroy();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly().waitFor();
      }
      Files.deleteIfExists(serverLog);
      System.out.printf(
          "whole test %d s%n", Duration.ofNanos(System.nanoTime() - testStarted).toSeconds());
    }
  }

  /** The catalog's history-server, through bin/run-job as bin/app starts it, on {@code port}. */
  private static Process startHistoryServer(Path eventLog, int port, Path log) throws IOException {
    Path root = TestingPlatform.projectRoot();
    ProcessBuilder builder =
        new ProcessBuilder(
                root.resolve("bin/run-job").toString(),
                JvmApp.HISTORY_SERVER.jobName(),
                "--log-directory=" + eventLog.toUri(),
                "--port=" + port,
                "--update-interval=1s")
            .directory(root.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> environment = builder.environment();
    // The catalog answers from the installed model layout (make test installs it); the server runs
    // from the layout this build wrote, without the developer's env file.
    environment.put(
        "CATCAFE_DIST_DIR",
        root.resolve(JvmApp.HISTORY_SERVER.module().directory() + "/target/dist").toString());
    environment.put("CATCAFE_ENV_FILE", "/dev/null");
    environment.put("JAVA_OPTS", "-Xmx512m");
    return builder.start();
  }

  private static JsonNode get(String url) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(url).isEqualTo(200);
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("cannot read " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<String> entries(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(path -> path.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String tail(Path log) {
    try {
      String text = Files.readString(log);
      return text.substring(Math.max(0, text.length() - 3000));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
