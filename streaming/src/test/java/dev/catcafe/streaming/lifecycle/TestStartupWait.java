package dev.catcafe.streaming.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.streaming.lifecycle.StartupWait.ServiceUnavailableException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A service that is not up yet is waited for; a missing topic fails at once, naming it. */
final class TestStartupWait {
  @Test
  void retriesARefusingServiceUntilItAnswers() {
    AtomicInteger attempts = new AtomicInteger();
    StartupWait wait = new StartupWait(Duration.ofSeconds(30), Duration.ofMillis(10));

    String answer =
        wait.retry(
            "the test service",
            () -> {
              if (attempts.incrementAndGet() < 3) {
                throw new ConnectException("Connection refused");
              }
              return "up";
            });

    assertThat(answer).isEqualTo("up");
    assertThat(attempts).hasValue(3);
  }

  @Test
  void givesUpAfterTheStartupTimeoutNamingTheServiceAndTheOption() {
    StartupWait wait = new StartupWait(Duration.ofMillis(100), Duration.ofMillis(10));

    assertThatThrownBy(
            () ->
                wait.retry(
                    "the test service",
                    () -> {
                      throw new ConnectException("Connection refused");
                    }))
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("the test service did not answer within PT0.1S (--startup-timeout)")
        .hasMessageContaining("Connection refused");
  }

  @Test
  void aMistakeIsNotRetried() {
    AtomicInteger attempts = new AtomicInteger();
    StartupWait wait = new StartupWait(Duration.ofSeconds(30), Duration.ofMillis(10));

    assertThatThrownBy(
            () ->
                wait.retry(
                    "the test service",
                    () -> {
                      attempts.incrementAndGet();
                      throw new IllegalArgumentException("wrong");
                    }))
        .hasMessage("wrong");
    assertThat(attempts).hasValue(1);
  }

  @Test
  void anUnreachableBrokerFailsAfterTheTimeoutNamingItsAddress() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    KafkaSettings kafka = new KafkaSettings("127.0.0.1:" + closedPort);

    assertThatThrownBy(
            () -> new StartupWait(Duration.ZERO).kafkaTopics(kafka, List.of(Topic.CAT_WELLNESS)))
        .isInstanceOf(ServiceUnavailableException.class)
        .hasMessageContaining("Kafka at 127.0.0.1:" + closedPort)
        .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
  }

  @Test
  void missingTopicsAreNamedWithThePrefixAndTheTopicsThatLookRight() {
    KafkaSettings kafka = new KafkaSettings("127.0.0.1:9092").withTopicPrefix("staging.");
    String wellness = kafka.topicName(Topic.CAT_WELLNESS);
    String unprefixed = new KafkaSettings("127.0.0.1:9092").topicName(Topic.CAT_WELLNESS);

    String message =
        StartupWait.missingTopicsMessage(kafka, List.of(wellness), List.of(unprefixed, "other"));

    assertThat(message)
        .contains("has no topic " + wellness)
        .contains("topic prefix 'staging.'")
        .contains("KAFKA_TOPIC_PREFIX")
        .contains("is the prefix wrong? Topics of the same name exist: " + unprefixed)
        .doesNotContain("other");
    assertThat(StartupWait.missingTopicsMessage(kafka, List.of(wellness), List.of("other")))
        .contains("create the topics");
  }
}
