package dev.catcafe.alertui;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A Kafka broker of a test's own (the platform's broker jars, one KRaft node on free ports, a
 * scratch log directory), so the test can kill it with SIGKILL and start it again on the same data
 * without touching the shared test platform's broker.
 */
final class TestingKafkaBroker implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Path directory;
  private final int port;
  private final int controllerPort;
  private Process process;

  private TestingKafkaBroker(Path directory, int port, int controllerPort) {
    this.directory = directory;
    this.port = port;
    this.controllerPort = controllerPort;
  }

  /** Formats a new broker, starts it and creates the two alert topics. */
  static TestingKafkaBroker start() {
    try {
      Path directory = Files.createTempDirectory("catcafe-ui-kafka-");
      TestingKafkaBroker broker = new TestingKafkaBroker(directory, freePort(), freePort());
      Files.writeString(directory.resolve("server.properties"), broker.properties());
      run(
          List.of(
              java(),
              "-cp",
              libs() + "/*",
              "kafka.tools.StorageTool",
              "format",
              "-t",
              Uuid.randomUuid().toString(),
              "-c",
              directory.resolve("server.properties").toString()));
      broker.restart();
      try (Admin admin = broker.admin()) {
        admin
            .createTopics(
                List.of(
                    new NewTopic(
                        broker.settings().topicName(Topic.CAT_HEALTH_ALERTS), 1, (short) 1),
                    new NewTopic(
                        broker.settings().topicName(Topic.POTENTIAL_ADOPTERS), 1, (short) 1)))
            .all()
            .get(60, TimeUnit.SECONDS);
      }
      return broker;
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    } catch (Exception failure) {
      throw new IllegalStateException("could not start a Kafka broker", failure);
    }
  }

  KafkaSettings settings() {
    return new KafkaSettings("127.0.0.1:" + port);
  }

  /** SIGKILL, as {@code kill -9}: no clean shutdown, no flush. */
  void kill() {
    process.destroyForcibly();
    try {
      process.waitFor(30, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts the broker on its data and waits until it answers. */
  void restart() {
    try {
      process =
          new ProcessBuilder(
                  java(),
                  "-Xmx512m",
                  "-cp",
                  libs() + "/*",
                  "kafka.Kafka",
                  directory.resolve("server.properties").toString())
              .redirectErrorStream(true)
              .redirectOutput(directory.resolve("broker.log").toFile())
              .start();
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
    Polling.await(START_TIMEOUT, "the test's Kafka broker answering", this::answers);
  }

  private boolean answers() {
    try (Admin admin = admin()) {
      admin.listTopics().names().get(5, TimeUnit.SECONDS);
      return true;
    } catch (Exception notYet) {
      return false;
    }
  }

  private Admin admin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings().bootstrapServers(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
  }

  private String properties() {
    return """
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=1@127.0.0.1:%d
        listeners=PLAINTEXT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
        advertised.listeners=PLAINTEXT://127.0.0.1:%d
        controller.listener.names=CONTROLLER
        inter.broker.listener.name=PLAINTEXT
        listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
        log.dirs=%s
        offsets.topic.replication.factor=1
        offsets.topic.num.partitions=1
        transaction.state.log.replication.factor=1
        transaction.state.log.min.isr=1
        group.initial.rebalance.delay.ms=0
        auto.create.topics.enable=false
        """
        .formatted(controllerPort, port, controllerPort, port, directory.resolve("data"));
  }

  private static Path libs() {
    Path libs = TestingPlatform.projectRoot().resolve("platform/kafka-broker/target/libs");
    if (!Files.isDirectory(libs)) {
      throw new IllegalStateException(
          "Kafka broker jars missing at %s: build platform/kafka-broker".formatted(libs));
    }
    return libs;
  }

  private static String java() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IllegalStateException("%s failed: %s".formatted(command, output));
    }
  }

  @Override
  public void close() {
    if (process != null) {
      kill();
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }
}
