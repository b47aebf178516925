package dev.catcafe.streaming.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.jobs.CatalogEntry;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.jobs.SparkJob;
import dev.catcafe.platform.Ports;
import dev.catcafe.platform.testing.ListeningSockets;
import dev.catcafe.platform.testing.ListeningSockets.Socket;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.TestingCatalogs;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With the platform and every application {@code make run} starts up (from the installed layouts,
 * behind the supervisor, with the ingestion's Spark UI on), no listening socket of theirs is bound
 * to an address other machines can reach: the kernel's own socket tables say so.
 */
@ExtendWith(LocalPlatformExtension.class)
final class NetworkExposureIT {
  /** Seven JVMs starting at once beside the platform: minutes on a loaded two-core machine. */
  private static final Duration UP_WITHIN = Duration.ofMinutes(10);

  @Test
  void noSocketOfThePlatformListensBeyondThisMachine(TestingPlatform platform) throws Exception {
    String trinoUrl = platform.trinoJdbcUrl();
    String run = Long.toString(System.currentTimeMillis(), 36);
    KafkaSettings kafka = platform.isolatedKafka("exposure-" + run + "-");
    CatalogSettings catalog = TestingCatalogs.jdbc(platform, "it_exposure_" + run);
    Path scratch = platform.scratchDirectory("exposure");
    Map<String, String> environment =
        new LinkedHashMap<>(platform.environment(kafka, platform.postgres(), catalog));
    environment.put("SPARK_EVENT_LOG_DIR", scratch.resolve("spark-events").toUri().toString());
    String checkpoints = scratch.resolve("checkpoints").toUri().toString();

    List<Process> supervisors = new ArrayList<>();
    try {
      start(
          supervisors,
          JvmApp.SIMULATOR_PRODUCER,
          environment,
          scratch,
          "--cats",
          "20",
          "--visitors",
          "40");
      start(
          supervisors,
          SparkJob.RAW_INGESTION,
          environment,
          scratch,
          "--checkpoint-root",
          checkpoints,
          "--spark-master",
          "local[2]",
          "--metrics-port=0");
      start(
          supervisors,
          SparkJob.WELLNESS_GUARDIAN,
          environment,
          scratch,
          "--checkpoint-location",
          checkpoints + "/wellness-guardian",
          "--metrics-port=0");
      start(
          supervisors,
          SparkJob.ADOPTER_DETECTIVE,
          environment,
          scratch,
          "--checkpoint-location",
          checkpoints + "/adopter-detective",
          "--metrics-port=0");
      start(supervisors, JvmApp.ALERT_UI, environment, scratch, "--port=0");
      start(supervisors, JvmApp.HISTORY_SERVER, environment, scratch, "--port=" + Ports.freePort());
      start(
          supervisors,
          JvmApp.BATCH_SCHEDULER,
          environment,
          scratch,
          "--interval",
          "1h",
          "--metrics-port=0");

      // Each server's sockets: the ingestion's metrics, Spark UI, driver RPC and block manager;
      // the alert jobs' metrics; the UI; the History Server; the scheduler's metrics.
      Map<String, Integer> expected = new LinkedHashMap<>();
      expected.put(SparkJob.RAW_INGESTION.mainClass(), 4);
      expected.put(SparkJob.WELLNESS_GUARDIAN.mainClass(), 1);
      expected.put(SparkJob.ADOPTER_DETECTIVE.mainClass(), 1);
      expected.put(JvmApp.ALERT_UI.mainClass(), 1);
      expected.put(JvmApp.HISTORY_SERVER.mainClass(), 1);
      expected.put(JvmApp.BATCH_SCHEDULER.mainClass(), 1);
      // The platform's own services too: `make test` runs TrinoViewsIT beside this suite, and it
      // restarts Trino.
      List<Integer> platformPorts =
          List.of(
              port(kafka.bootstrapServers()),
              port(platform.postgres().jdbcUrl().substring("jdbc:".length())),
              port(trinoUrl.substring("jdbc:".length())));
      Polling.await(
          UP_WITHIN,
          "every service and application listening (logs in %s)".formatted(scratch),
          () -> {
            List<Socket> sockets = platformSockets(platform);
            return sockets.stream().map(Socket::port).toList().containsAll(platformPorts)
                && expected.entrySet().stream()
                    .allMatch(
                        entry ->
                            sockets.stream()
                                    .filter(socket -> socket.commandLine().contains(entry.getKey()))
                                    .count()
                                >= entry.getValue());
          });

      List<Socket> sockets = platformSockets(platform);
      sockets.forEach(socket -> System.out.println("listening: " + socket));
      assertThat(sockets)
          .as("listening sockets of the platform and its applications")
          .allSatisfy(socket -> assertThat(socket.loopback()).as(socket.toString()).isTrue());
    } finally {
      for (Process supervisor : supervisors) {
        supervisor.destroy();
      }
      for (Process supervisor : supervisors) {
        if (!supervisor.waitFor(90, TimeUnit.SECONDS)) {
          supervisor.destroyForcibly();
        }
      }
    }
  }

  /** Sockets held by a process of this checkout or of the platform's home. */
  private static List<Socket> platformSockets(TestingPlatform platform) {
    String root = TestingPlatform.projectRoot().toString();
    String home = platform.home().toString();
    return ListeningSockets.all().stream()
        .filter(
            socket -> socket.commandLine().contains(root) || socket.commandLine().contains(home))
        .toList();
  }

  private static void start(
      List<Process> supervisors,
      CatalogEntry entry,
      Map<String, String> environment,
      Path scratch,
      String... arguments)
      throws IOException {
    supervisors.add(
        SupervisedJob.startInstalled(
            entry,
            environment,
            scratch.resolve(entry.jobName() + ".log"),
            scratch.resolve(entry.jobName() + ".state"),
            List.of(arguments)));
  }

  private static int port(String address) {
    String withScheme = address.contains("://") ? address : "tcp://" + address;
    return URI.create(withScheme).getPort();
  }
}
