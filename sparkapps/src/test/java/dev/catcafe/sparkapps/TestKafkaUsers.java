package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catcafe.model.Topic;
import dev.catcafe.model.config.KafkaGrant;
import dev.catcafe.model.config.KafkaPrincipal;
import dev.catcafe.model.config.KafkaSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every component's Kafka principal is a Strimzi KafkaUser with exactly the model's ACLs, and the
 * cluster admits only SCRAM-authenticated clients and enforces those ACLs.
 */
final class TestKafkaUsers {
  private static final ClusterProfile PROFILE = ClusterProfile.defaults();

  @Test
  void everyComponentsPrincipalIsAKafkaUserWithExactlyItsModelGrants() {
    for (List<ManifestDocument> variant :
        List.of(ManifestDocument.all(), ManifestDocument.cloudStorage())) {
      List<JsonNode> users =
          variant.stream()
              .filter(document -> document.kind().equals("KafkaUser"))
              .map(ManifestDocument::tree)
              .toList();

      assertThat(users.stream().map(user -> user.path("metadata").path("name").asText()))
          .containsExactlyInAnyOrderElementsOf(
              KafkaPrincipal.components().stream().map(KafkaPrincipal::userName).toList());
      for (KafkaPrincipal principal : KafkaPrincipal.components()) {
        JsonNode user = userNamed(users, principal.userName());
        assertThat(user.path("metadata").path("labels").path("strimzi.io/cluster").asText())
            .isEqualTo(PROFILE.kafkaCluster());
        assertThat(user.path("spec").path("authentication").path("type").asText())
            .as(principal.userName())
            .isEqualTo("scram-sha-512");
        assertThat(user.path("spec").path("authorization").path("type").asText())
            .isEqualTo("simple");
        assertThat(grants(user))
            .as(principal.userName())
            .containsExactlyElementsOf(principal.grants(PROFILE.kafka().topicPrefix()));
      }
    }
  }

  @Test
  void theAlertUiMayReadTheAlertsAndWriteNothing() {
    List<KafkaGrant> grants = grants(userNamed(kafkaUsers(), "catcafe-alert-ui"));

    assertThat(grants).isNotEmpty().noneMatch(g -> g.operation() == KafkaGrant.Operation.WRITE);
    assertThat(
            grants.stream()
                .filter(grant -> grant.resource() == KafkaGrant.Resource.TOPIC)
                .map(KafkaGrant::name))
        .containsExactlyInAnyOrderElementsOf(
            Stream.of(Topic.values())
                .filter(Topic::isAlert)
                .map(PROFILE.kafka()::topicName)
                .toList());
  }

  @Test
  void thePlatformsSuperUserHasNoKafkaUserAndNoComponentIsASuperUser() {
    assertThat(kafkaUsers().stream().map(user -> user.path("metadata").path("name").asText()))
        .doesNotContain(KafkaPrincipal.PLATFORM.userName());
    JsonNode superUsers =
        kafka().path("spec").path("kafka").path("authorization").path("superUsers");
    List<String> named = new ArrayList<>();
    superUsers.forEach(user -> named.add(user.asText()));
    assertThat(named)
        .noneMatch(
            user ->
                KafkaPrincipal.components().stream()
                    .anyMatch(principal -> user.contains(principal.userName())));
  }

  @Test
  void everyListenerRequiresScramAndTheBrokersEnforceAcls() {
    JsonNode cluster = kafka().path("spec").path("kafka");
    int bootstrapPort = Integer.parseInt(PROFILE.kafka().servers().get(0).replaceFirst(".*:", ""));

    List<JsonNode> listeners = new ArrayList<>();
    cluster.path("listeners").forEach(listeners::add);

    assertThat(listeners).isNotEmpty();
    for (JsonNode listener : listeners) {
      assertThat(listener.path("authentication").path("type").asText())
          .as(listener.path("name").asText())
          .isEqualTo(KafkaSettings.SASL_MECHANISM.toLowerCase(Locale.ROOT));
    }
    assertThat(listeners)
        .as("the clients' listener, on the profile's bootstrap port")
        .filteredOn(listener -> listener.path("port").asInt() == bootstrapPort)
        .singleElement()
        .satisfies(
            listener ->
                assertThat(listener.path("tls").asBoolean())
                    .as("the cafe's clients speak %s", KafkaSettings.SECURITY_PROTOCOL)
                    .isFalse());
    assertThat(cluster.path("authorization").path("type").asText()).isEqualTo("simple");
  }

  @Test
  void aPrefixedProfileGrantsThePrefixedTopics() {
    ClusterProfile staging =
        new ClusterProfile(
            PROFILE.namespace(),
            PROFILE.imageRepository(),
            PROFILE.version(),
            PROFILE.kafkaCluster(),
            PROFILE.kafka().withTopicPrefix("staging_"),
            PROFILE.postgres(),
            PROFILE.catalog());

    JsonNode user =
        ManifestDocument.YAML.valueToTree(KafkaUsers.user(KafkaPrincipal.ALERT_UI, staging));

    assertThat(grants(user)).isEqualTo(KafkaPrincipal.ALERT_UI.grants("staging_"));
    assertThat(grants(user))
        .anySatisfy(grant -> assertThat(grant.name()).isEqualTo("staging_cat-health-alerts"));
  }

  @Test
  void validationRejectsTheSingleOperationOfOlderKafkaUsers() {
    List<String> problems =
        TestManifestValidity.problemsOf(
            """
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaUser
            metadata: {name: x, namespace: catcafe, labels: {strimzi.io/cluster: c}}
            spec:
              authentication: {type: scram-sha-512}
              authorization:
                type: simple
                acls:
                  - resource: {type: topic, name: t, patternType: literal}
                    operation: Read
            """);

    assertThat(problems).anySatisfy(problem -> assertThat(problem).contains("operation"));
  }

  /** The ACLs of a KafkaUser, read back into the model's grants. */
  private static List<KafkaGrant> grants(JsonNode user) {
    List<KafkaGrant> grants = new ArrayList<>();
    for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
      JsonNode resource = acl.path("resource");
      assertThat(acl.path("operations")).as(acl.toString()).hasSize(1);
      grants.add(
          new KafkaGrant(
              Map.of("topic", KafkaGrant.Resource.TOPIC, "group", KafkaGrant.Resource.GROUP)
                  .get(resource.path("type").asText()),
              resource.path("name").asText(),
              Map.of("literal", KafkaGrant.Pattern.LITERAL, "prefix", KafkaGrant.Pattern.PREFIXED)
                  .get(resource.path("patternType").asText()),
              Map.of("Read", KafkaGrant.Operation.READ, "Write", KafkaGrant.Operation.WRITE)
                  .get(acl.path("operations").get(0).asText())));
    }
    return grants;
  }

  private static JsonNode userNamed(List<JsonNode> users, String name) {
    return users.stream()
        .filter(user -> user.path("metadata").path("name").asText().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no KafkaUser " + name));
  }

  private static List<JsonNode> kafkaUsers() {
    return ManifestDocument.all().stream()
        .filter(document -> document.kind().equals("KafkaUser"))
        .map(ManifestDocument::tree)
        .toList();
  }

  private static JsonNode kafka() {
    return ManifestDocument.all().stream()
        .filter(document -> document.kind().equals("Kafka"))
        .map(ManifestDocument::tree)
        .filter(tree -> tree.path("metadata").path("name").asText().equals(PROFILE.kafkaCluster()))
        .findFirst()
        .orElseThrow();
  }
}
