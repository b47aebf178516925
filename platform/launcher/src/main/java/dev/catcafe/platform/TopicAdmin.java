package dev.catcafe.platform;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaPrincipal;
import dev.catcafe.model.config.KafkaSettings;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the cafe's seven topics (under the settings' prefix) where they are missing, and grants
 * every component's principal its ACLs on them (the settings must be the platform principal's).
 */
public final class TopicAdmin {
  /** Seven days, as the original's topics. */
  private static final String RETENTION_MS = Long.toString(TimeUnit.DAYS.toMillis(7));

  /** How long new topics may take to become writable before the platform counts as down. */
  private static final Duration WRITABLE_WITHIN = Duration.ofSeconds(30);

  private TopicAdmin() {}

  public static void ensureTopics(KafkaSettings kafka, int partitions) {
    requireNonNull(kafka, "kafka is null");
    Properties properties = new Properties();
    properties.putAll(kafka.clientProperties());
    properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
    try (Admin admin = Admin.create(properties)) {
      Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
      List<NewTopic> missing =
          Arrays.stream(Topic.values())
              .map(kafka::topicName)
              .filter(name -> !existing.contains(name))
              .map(
                  name ->
                      new NewTopic(name, partitions, (short) 1)
                          .configs(
                              Map.of("retention.ms", RETENTION_MS, "cleanup.policy", "delete")))
              .toList();
      if (!missing.isEmpty()) {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        awaitWritable(admin, missing, partitions);
      }
      // Idempotent: a binding that exists already is left as it is.
      KafkaAccess.createAcls(admin, KafkaPrincipal.components(), kafka.topicPrefix());
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw unreachable(kafka, e.getCause());
      }
    } catch (TimeoutException e) {
      throw unreachable(kafka, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("interrupted", e);
    }
  }

  /**
   * Returns once each new partition's leader answers a {@code ListOffsets} for it. The controller
   * acknowledges a creation before the broker knows the topic (a {@code ListOffsets} sent at once
   * fails: "metadata for topic … could not be found") and before it takes writes: a producer that
   * sends at once can get its first batch refused and the batches behind it accepted; the refused
   * one then never fits the partition's sequence and expires after {@code delivery.timeout.ms} (two
   * CI failures: the first records of a fresh test topic missing).
   */
  private static void awaitWritable(Admin admin, List<NewTopic> created, int partitions)
      throws ExecutionException, InterruptedException, TimeoutException {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (NewTopic topic : created) {
      for (int partition = 0; partition < partitions; partition++) {
        latest.put(new TopicPartition(topic.name(), partition), OffsetSpec.latest());
      }
    }
    long deadline = System.nanoTime() + WRITABLE_WITHIN.toNanos();
    while (true) {
      try {
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        return;
      } catch (ExecutionException notYet) {
        // Only "not yet" is waited out; a refusal (an authorization error, say) fails at once.
        if (!(notYet.getCause() instanceof RetriableException)) {
          throw notYet;
        }
        if (System.nanoTime() - deadline > 0) {
          throw new TimeoutException(
              "new topics not writable within %s: %s"
                  .formatted(WRITABLE_WITHIN, notYet.getCause()));
        }
        Thread.sleep(50); // the broker catches up with the controller within milliseconds
      }
    }
  }

  private static PlatformException unreachable(KafkaSettings kafka, Throwable cause) {
    return new PlatformException(
        "Kafka at %s did not answer or refused (%s): is the platform up ('make up')? Else check %s."
            .formatted(kafka.bootstrapServers(), cause.getMessage(), KafkaSettings.SETTING),
        cause);
  }
}
