package dev.catcafe.platform;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.KafkaCredentials;
import dev.catcafe.model.config.KafkaGrant;
import dev.catcafe.model.config.KafkaPrincipal;
import dev.catcafe.model.config.KafkaSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Puts the {@link KafkaPrincipal} model into a running broker: each component's SCRAM credential
 * and its ACLs, as the platform's super user. Both are idempotent, so every start repeats them (a
 * password the secrets file holds is the broker's too).
 */
final class KafkaAccess {
  /** SCRAM-SHA-512 with Kafka's recommended minimum iteration count. */
  private static final ScramCredentialInfo SCRAM =
      new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096);

  private KafkaAccess() {}

  /**
   * Creates or updates each principal's credential (its ACLs come with the topics: {@link
   * TopicAdmin#ensureTopics}).
   */
  static void ensurePrincipals(
      KafkaSettings platform, Map<KafkaPrincipal, KafkaCredentials> principals) {
    requireNonNull(principals, "principals is null");
    List<UserScramCredentialAlteration> upserts = new ArrayList<>();
    principals.forEach(
        (principal, login) ->
            upserts.add(
                new UserScramCredentialUpsertion(principal.userName(), SCRAM, login.password())));
    alter(
        platform,
        "cannot set up Kafka's principals",
        admin -> admin.alterUserScramCredentials(upserts).all());
  }

  /**
   * Grants every component its ACLs on the topics named with {@code topicPrefix} (a test's isolated
   * topics), so that each may run there as its own principal.
   */
  static void createAcls(Admin admin, List<KafkaPrincipal> principals, String topicPrefix)
      throws ExecutionException, InterruptedException, TimeoutException {
    List<AclBinding> bindings = new ArrayList<>();
    for (KafkaPrincipal principal : principals) {
      for (KafkaGrant grant : principal.grants(topicPrefix)) {
        bindings.add(binding(principal, grant));
      }
    }
    admin.createAcls(bindings).all().get(30, TimeUnit.SECONDS);
  }

  /** The topic prefixes of the benchmarks the peer reads and writes (never a cafe topic). */
  static final List<String> BENCHMARK_TOPIC_PREFIXES = List.of("bench-", "flinkpeer-");

  /** The prefix of the Flink peer's consumer groups. */
  static final String PEER_GROUP_PREFIX = "flink-";

  /**
   * Lets the peer's listener's clients ({@code User:ANONYMOUS}: they cannot authenticate) do
   * anything to the benchmarks' topics and the peer's groups, and nothing else: the cafe's topics
   * stay out of their reach.
   */
  static void allowBenchmarkPeer(KafkaSettings platform) {
    List<AclBinding> bindings = new ArrayList<>();
    for (String prefix : BENCHMARK_TOPIC_PREFIXES) {
      bindings.add(anonymous(ResourceType.TOPIC, prefix));
    }
    bindings.add(anonymous(ResourceType.GROUP, PEER_GROUP_PREFIX));
    alter(
        platform,
        "cannot open Kafka to the benchmark peer",
        admin -> admin.createAcls(bindings).all());
  }

  /**
   * Sends {@code change} as the platform principal and waits up to 30 s for the broker to apply it;
   * a failure is a {@link PlatformException} that starts with {@code failure}.
   */
  private static void alter(
      KafkaSettings platform, String failure, Function<Admin, KafkaFuture<Void>> change) {
    try (Admin admin = admin(platform)) {
      change.apply(admin).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new PlatformException(failure + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException("interrupted", e);
    }
  }

  private static AclBinding anonymous(ResourceType type, String prefix) {
    return new AclBinding(
        new ResourcePattern(type, prefix, PatternType.PREFIXED),
        new AccessControlEntry("User:ANONYMOUS", "*", AclOperation.ALL, AclPermissionType.ALLOW));
  }

  /** {@code grant} as Kafka's ACL for {@code principal}, from any host. */
  static AclBinding binding(KafkaPrincipal principal, KafkaGrant grant) {
    return new AclBinding(
        new ResourcePattern(
            switch (grant.resource()) {
              case TOPIC -> ResourceType.TOPIC;
              case GROUP -> ResourceType.GROUP;
            },
            grant.name(),
            switch (grant.pattern()) {
              case LITERAL -> PatternType.LITERAL;
              case PREFIXED -> PatternType.PREFIXED;
            }),
        new AccessControlEntry(
            "User:" + principal.userName(),
            "*",
            switch (grant.operation()) {
              case READ -> AclOperation.READ;
              case WRITE -> AclOperation.WRITE;
            },
            AclPermissionType.ALLOW));
  }

  private static Admin admin(KafkaSettings platform) {
    return Admin.create(
        platform.clientProperties(
            Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000)));
  }
}
