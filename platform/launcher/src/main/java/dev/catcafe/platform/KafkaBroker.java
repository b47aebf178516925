package dev.catcafe.platform;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.KafkaCredentials;
import dev.catcafe.model.config.KafkaPrincipal;
import dev.catcafe.model.config.KafkaSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.Uuid;

/**
 * One Kafka node in KRaft mode (broker and controller in one JVM), from the jars the {@code
 * platform/kafka-broker} module copies out of Maven Central. Replication factor 1 everywhere.
 *
 * <p>Secured as the cluster's: clients authenticate with SCRAM-SHA-512 (a principal per component,
 * {@link KafkaPrincipal}), Kafka's {@code StandardAuthorizer} allows each only its ACLs ({@link
 * KafkaAccess}) and refuses what no ACL allows. The controller listener, which SCRAM cannot serve
 * (its credentials live in the metadata the controller is the source of), takes SASL/PLAIN with the
 * platform principal only, on the loopback interface.
 */
final class KafkaBroker {
  private final PlatformConfig config;
  private final Secrets secrets;
  private final ServiceProcess process;

  KafkaBroker(PlatformConfig config, Secrets secrets) {
    this.config = requireNonNull(config, "config is null");
    this.secrets = requireNonNull(secrets, "secrets is null");
    this.process = new ServiceProcess("kafka", "Kafka", config);
  }

  /** The brokers, as the platform's own principal (a super user: topics, principals, ACLs). */
  KafkaSettings settings() {
    return settings(KafkaPrincipal.PLATFORM);
  }

  /** The brokers, as {@code principal}. */
  KafkaSettings settings(KafkaPrincipal principal) {
    return new KafkaSettings("127.0.0.1:" + config.kafkaPort())
        .withCredentials(credentials(principal));
  }

  private KafkaCredentials credentials(KafkaPrincipal principal) {
    return new KafkaCredentials(principal.userName(), secrets.get(principal.localSecretKey()));
  }

  boolean isRunning() {
    return process.isRunning();
  }

  /** Formats the log directory on first use and starts the broker; returns without waiting. */
  void start() {
    if (isRunning()) {
      return;
    }
    ServiceProcess.requireBuilt(config.kafkaLibs(), "Kafka broker jars");
    Ports.requireFree(config.kafkaPort(), "Kafka", "KAFKA_PORT");
    Ports.requireFree(
        config.kafkaControllerPort(), "the Kafka controller", "KAFKA_CONTROLLER_PORT");
    config
        .kafkaPeerPort()
        .ifPresent(port -> Ports.requireFree(port, "Kafka's peer listener", "KAFKA_PEER_PORT"));
    Path properties = writeConfiguration();
    Path directory = process.directory();
    Path secured = directory.resolve("data/scram-formatted");
    if (Files.exists(directory.resolve("data/meta.properties")) && !Files.exists(secured)) {
      throw new PlatformException(
          ("The Kafka data in %s predates the broker's authentication: its log has no SCRAM"
                  + " credential for %s. 'make clean' (or deleting %s) starts it afresh.")
              .formatted(directory, KafkaPrincipal.PLATFORM.userName(), directory));
    }
    if (!Files.exists(directory.resolve("data/meta.properties"))) {
      KafkaCredentials platform = credentials(KafkaPrincipal.PLATFORM);
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
              properties.toString(),
              // The platform's SCRAM credential is in the log from the start; it adds the others.
              "--add-scram",
              "%s=[name=%s,password=%s]"
                  .formatted(
                      KafkaSettings.SASL_MECHANISM, platform.username(), platform.password())),
          120);
      try {
        Files.createFile(secured);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
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
            properties.toString()));
  }

  /**
   * Waits until the broker answers, then creates the cafe's topics, the components' principals
   * (with this platform's passwords) and their ACLs.
   */
  void awaitReady(Duration timeout) {
    // No pause between attempts: each one waits on the admin client's own timeouts.
    process.awaitReady(
        timeout,
        Duration.ZERO,
        () -> {
          TopicAdmin.ensureTopics(settings(), config.topicPartitions());
          Map<KafkaPrincipal, KafkaCredentials> principals = new EnumMap<>(KafkaPrincipal.class);
          for (KafkaPrincipal principal : KafkaPrincipal.components()) {
            principals.put(principal, credentials(principal));
          }
          KafkaAccess.ensurePrincipals(settings(), principals);
          if (config.kafkaPeerPort().isPresent()) {
            KafkaAccess.allowBenchmarkPeer(settings());
          }
          return Optional.empty();
        });
  }

  boolean stop() {
    return process.stop(Duration.ofSeconds(30));
  }

  /** SIGKILL (fault-injection tests); the data stays, a start recovers the log. */
  boolean kill() {
    return process.kill();
  }

  private Path writeConfiguration() {
    Path directory = process.directory();
    String voters = "1@127.0.0.1:" + config.kafkaControllerPort();
    KafkaCredentials platform = credentials(KafkaPrincipal.PLATFORM);
    // The benchmark peer's listener, on loopback only, when asked for (KafkaAccess: what it may
    // do).
    String peerListener =
        config.kafkaPeerPort().stream()
            .mapToObj(port -> ",PEER://127.0.0.1:" + port)
            .findFirst()
            .orElse("");
    String properties =
        """
        # Written by the local platform on every start; edit PlatformConfig, not this file.
        # Owner-only: it holds the platform principal's password.
        process.roles=broker,controller
        node.id=1
        controller.quorum.voters=%s
        listeners=CLIENTS://%s:%d,CONTROLLER://127.0.0.1:%d%s
        advertised.listeners=CLIENTS://127.0.0.1:%d%s
        controller.listener.names=CONTROLLER
        inter.broker.listener.name=CLIENTS
        listener.security.protocol.map=CLIENTS:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT,PEER:PLAINTEXT
        sasl.enabled.mechanisms=%s
        sasl.mechanism.inter.broker.protocol=%s
        listener.name.clients.scram-sha-512.sasl.jaas.config=%s
        sasl.mechanism.controller.protocol=PLAIN
        listener.name.controller.sasl.enabled.mechanisms=PLAIN
        listener.name.controller.plain.sasl.jaas.config=%s
        authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
        super.users=User:%s
        allow.everyone.if.no.acl.found=false
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
                peerListener,
                config.kafkaPort(),
                peerListener,
                KafkaSettings.SASL_MECHANISM,
                KafkaSettings.SASL_MECHANISM,
                KafkaSettings.jaasConfig(platform),
                "org.apache.kafka.common.security.plain.PlainLoginModule required"
                    + " username=\"%s\" password=\"%s\" user_%s=\"%s\";"
                        .formatted(
                            platform.username(),
                            platform.password(),
                            platform.username(),
                            platform.password()),
                platform.username(),
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
      AtomicFiles.replace(file, properties, true);
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
