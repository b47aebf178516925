package dev.catcafe.platform;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.KafkaSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;

/**
 * One Kafka node in KRaft mode (broker and controller in one JVM), from the jars the {@code
 * platform/kafka-broker} module copies out of Maven Central. Replication factor 1 everywhere.
 */
final class KafkaBroker {
  private final PlatformConfig config;
  private final ServiceProcess process;
  private final Path directory;

  KafkaBroker(PlatformConfig config) {
    this.config = requireNonNull(config, "config is null");
    this.process = new ServiceProcess("kafka", config);
    this.directory = config.home().resolve("kafka");
  }

  KafkaSettings settings() {
    return new KafkaSettings("127.0.0.1:" + config.kafkaPort());
  }

  boolean isRunning() {
    return process.running().isPresent();
  }

  /** Formats the log directory on first use and starts the broker; returns without waiting. */
  void start() {
    if (isRunning()) {
      return;
    }
    if (!Files.isDirectory(config.kafkaLibs())) {
      throw new PlatformException(
          "Kafka broker jars not found at %s: run 'make build' first."
              .formatted(config.kafkaLibs()));
    }
    Ports.requireFree(config.kafkaPort(), "Kafka", "KAFKA_PORT");
    Ports.requireFree(
        config.kafkaControllerPort(), "the Kafka controller", "KAFKA_CONTROLLER_PORT");
    Path properties = writeConfiguration();
    if (!Files.exists(directory.resolve("data/meta.properties"))) {
      ShellCommands.run(
          List.of(
              javaCommand(),
              "-cp",
              config.kafkaLibs() + "/*",
              "kafka.tools.StorageTool",
              "format",
              "-t",
              Uuid.randomUuid().toString(),
              "-c",
              properties.toString()),
          120);
    }
    process.start(
        List.of(
            javaCommand(),
            "-Xms256m",
            "-Xmx768m",
            "-XX:+UseG1GC",
            process.marker(),
            "-Dlog4j2.configurationFile=" + directory.resolve("log4j2.properties"),
            "-cp",
            config.kafkaLibs() + "/*",
            "kafka.Kafka",
            properties.toString()),
        directory,
        Map.of());
  }

  /** Waits until the broker answers, then creates the cafe's topics. */
  void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (process.running().isEmpty()) {
        throw new PlatformException(
            "Kafka exited during start-up. Log tail:\n" + process.logTail());
      }
      try {
        TopicAdmin.ensureTopics(settings(), config.topicPartitions());
        return;
      } catch (RuntimeException notYet) {
        if (System.nanoTime() > deadline) {
          throw new PlatformException(
              "Kafka did not become ready within %s: %s%nLog tail:%n%s"
                  .formatted(timeout, notYet.getMessage(), process.logTail()),
              notYet);
        }
      }
    }
  }

  boolean stop() {
    return process.stop(Duration.ofSeconds(30));
  }

  /** SIGKILL (fault-injection tests); the data stays, a start recovers the log. */
  boolean kill() {
    return process.kill();
  }

  private Path writeConfiguration() {
    String voters = "1@127.0.0.1:" + config.kafkaControllerPort();
    String properties =
        """
        # Written by the local platform on every start; edit PlatformConfig, not this file.
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=%s
        listeners=PLAINTEXT://%s:%d,CONTROLLER://127.0.0.1:%d
        advertised.listeners=PLAINTEXT://127.0.0.1:%d
        controller.listener.names=CONTROLLER
        inter.broker.listener.name=PLAINTEXT
        listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
        log.dirs=%s
        num.partitions=1
        default.replication.factor=1
        offsets.topic.replication.factor=1
        offsets.topic.num.partitions=4
        transaction.state.log.replication.factor=1
        transaction.state.log.min.isr=1
        min.insync.replicas=1
        group.initial.rebalance.delay.ms=0
        auto.create.topics.enable=false
        log.retention.hours=168
        """
            .formatted(
                voters,
                config.bindHost(),
                config.kafkaPort(),
                config.kafkaControllerPort(),
                config.kafkaPort(),
                directory.resolve("data"));
    String log4j =
        """
        status = warn
        appender.console.type = Console
        appender.console.name = console
        appender.console.layout.type = PatternLayout
        appender.console.layout.pattern = [%d] %p %m (%c)%n
        rootLogger.level = info
        rootLogger.appenderRef.console.ref = console
        logger.kafka.name = kafka
        logger.kafka.level = warn
        logger.org.name = org.apache.kafka
        logger.org.level = warn
        """;
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve("log4j2.properties"), log4j);
      Path file = directory.resolve("server.properties");
      Files.writeString(file, properties);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The Java this JVM runs on: Kafka 4 runs on 17, the project's baseline. */
  static String javaCommand() {
    return ProcessHandle.current().info().command().orElse("java");
  }
}
