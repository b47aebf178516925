package dev.catcafe.model.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaGrant.Operation;
import dev.catcafe.model.config.KafkaGrant.Pattern;
import dev.catcafe.model.config.KafkaGrant.Resource;
import dev.catcafe.model.jobs.CatalogEntry;
import dev.catcafe.model.jobs.JobCatalog;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.jobs.SettingsGroup;
import dev.catcafe.model.jobs.SparkJob;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class TestKafkaPrincipal {
  private static KafkaGrant topic(String name, Operation operation) {
    return new KafkaGrant(Resource.TOPIC, name, Pattern.LITERAL, operation);
  }

  private static KafkaGrant groups(KafkaPrincipal principal) {
    return new KafkaGrant(Resource.GROUP, principal.userName(), Pattern.PREFIXED, Operation.READ);
  }

  @Test
  void eachComponentMayTouchExactlyItsTopicsAndItsOwnGroups() {
    assertThat(KafkaPrincipal.SIMULATOR.grants("p-"))
        .containsExactlyInAnyOrder(
            topic("p-cat-interactions", Operation.WRITE),
            topic("p-cat-wellness-iot", Operation.WRITE),
            topic("p-visitor-checkins", Operation.WRITE),
            topic("p-cafe-orders", Operation.WRITE),
            topic("p-cat-locations", Operation.WRITE));
    assertThat(KafkaPrincipal.WELLNESS_GUARDIAN.grants(""))
        .containsExactlyInAnyOrder(
            topic("cat-wellness-iot", Operation.READ),
            topic("cat-health-alerts", Operation.WRITE),
            groups(KafkaPrincipal.WELLNESS_GUARDIAN));
    assertThat(KafkaPrincipal.ADOPTER_DETECTIVE.grants(""))
        .containsExactlyInAnyOrder(
            topic("cat-interactions", Operation.READ),
            topic("potential-adopters", Operation.WRITE),
            groups(KafkaPrincipal.ADOPTER_DETECTIVE));
    assertThat(KafkaPrincipal.RAW_INGESTION.grants(""))
        .hasSize(Topic.values().length + 1)
        .noneMatch(grant -> grant.operation() == Operation.WRITE);
  }

  @Test
  void theAlertUiReadsTheAlertTopicsAndCanWriteNothing() {
    assertThat(KafkaPrincipal.ALERT_UI.grants(""))
        .containsExactlyInAnyOrder(
            topic("cat-health-alerts", Operation.READ),
            topic("potential-adopters", Operation.READ),
            groups(KafkaPrincipal.ALERT_UI));
  }

  @Test
  void onlyThePlatformIsASuperUserAndItHasNoGrantsOfItsOwn() {
    assertThat(KafkaPrincipal.components())
        .noneMatch(KafkaPrincipal::isSuperUser)
        .doesNotContain(KafkaPrincipal.PLATFORM);
    assertThat(KafkaPrincipal.PLATFORM.isSuperUser()).isTrue();
    assertThat(KafkaPrincipal.PLATFORM.grants("")).isEmpty();
  }

  @Test
  void everyProgramThatReadsKafkaRunsAsItsOwnPrincipal() {
    for (CatalogEntry entry : JobCatalog.entries()) {
      assertThat(entry.kafkaPrincipal().isPresent())
          .as(entry.jobName())
          .isEqualTo(entry.settings().contains(SettingsGroup.KAFKA));
    }
    assertThat(
            Map.of(
                JvmApp.SIMULATOR_PRODUCER, KafkaPrincipal.SIMULATOR,
                JvmApp.ALERT_UI, KafkaPrincipal.ALERT_UI,
                SparkJob.RAW_INGESTION, KafkaPrincipal.RAW_INGESTION,
                SparkJob.WELLNESS_GUARDIAN, KafkaPrincipal.WELLNESS_GUARDIAN,
                SparkJob.ADOPTER_DETECTIVE, KafkaPrincipal.ADOPTER_DETECTIVE))
        .allSatisfy((entry, principal) -> assertThat(entry.kafkaPrincipal()).contains(principal));
    assertThat(JobCatalog.entries().stream().flatMap(e -> e.kafkaPrincipal().stream()))
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(KafkaPrincipal.components());
  }

  @Test
  void anAuthenticatedClientUsesScramAndNeverPrintsItsPassword() {
    KafkaSettings kafka = authenticatedAs("catcafe-alert-ui");
    assertThat(kafka.clientProperties())
        .containsEntry("bootstrap.servers", "127.0.0.1:9092")
        .containsEntry("security.protocol", "SASL_PLAINTEXT")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
        .containsEntry(
            "sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required"
                + " username=\"catcafe-alert-ui\" password=\"s3cret\";");
    assertThat(kafka.toString()).doesNotContain("s3cret");
    assertThat(kafka.withTopicPrefix("u-").credentials()).isEqualTo(kafka.credentials());
    assertThat(kafka.groupPrefix()).contains("catcafe-alert-ui");
    assertThat(new KafkaSettings("127.0.0.1:9092").clientProperties())
        .isEqualTo(Map.of("bootstrap.servers", "127.0.0.1:9092"));
    assertThat(new KafkaSettings("127.0.0.1:9092").groupPrefix()).isEqualTo(Optional.empty());
  }

  @Test
  void everySparkSourceTakesTheWholeFetchPerPollAndItsPrincipalsGroups() {
    KafkaSettings kafka = authenticatedAs("catcafe-wellness-guardian");
    assertThat(kafka.sparkSourceOptions())
        .containsAllEntriesOf(kafka.sparkOptions())
        .containsEntry("kafka.max.poll.records", "100000")
        .containsEntry("groupIdPrefix", "catcafe-wellness-guardian");
    assertThat(new KafkaSettings("127.0.0.1:9092").sparkSourceOptions())
        .isEqualTo(
            Map.of(
                "kafka.bootstrap.servers", "127.0.0.1:9092", "kafka.max.poll.records", "100000"));
  }

  /**
   * A local broker's settings for {@code user}, password {@code s3cret}, topic prefix {@code t-}.
   */
  private static KafkaSettings authenticatedAs(String user) {
    return new KafkaSettings("127.0.0.1:9092", "t-")
        .withCredentials(new KafkaCredentials(user, "s3cret"));
  }

  @Test
  void refusesCredentialsThatWouldBreakOutOfTheJaasLine() {
    for (String password : List.of("", "a\"b", "a\\b")) {
      assertThatThrownBy(() -> new KafkaCredentials("catcafe-ui", password))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("KAFKA_PASSWORD");
    }
    assertThatThrownBy(() -> new KafkaCredentials("ui\" admin=\"x", "p"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KAFKA_USERNAME");
  }
}
