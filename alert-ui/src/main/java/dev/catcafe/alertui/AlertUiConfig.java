package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.model.jobs.JvmApp;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Everything the alert UI is configured with, validated once here.
 *
 * @param host the address to listen on: 127.0.0.1 (this machine only) or 0.0.0.0 (a pod)
 * @param port HTTP port; 0 picks a free one (tests)
 * @param allowedOrigins the origins whose pages may use the UI ({@code http(s)://host[:port]});
 *     empty: the UI's own URLs on this machine, {@code http://127.0.0.1:<port>} and {@code
 *     http://localhost:<port>} ({@link Origins#defaults}). A request whose {@code Host} or {@code
 *     Origin} is not among them gets 403 (a DNS-rebinding page, another site)
 * @param maxConnections WebSocket connections served at once; more are refused
 * @param adoptionShare share of adopter alerts that adopt a liked cat (0 disables; original 0.25)
 * @param staffToken the secret for the staff Adopt button, or disabled
 * @param recentAlerts feed messages replayed to a page that connects
 * @param consumerGroup Kafka consumer group, so restarts resume
 * @param offsetReset where a new consumer group starts: {@code latest} or {@code earliest}
 * @param poolSize PostgreSQL connections kept
 * @param nameCacheSize cat and visitor names cached (each)
 */
public record AlertUiConfig(
    String host,
    int port,
    List<String> allowedOrigins,
    int maxConnections,
    double adoptionShare,
    StaffToken staffToken,
    int recentAlerts,
    String consumerGroup,
    String offsetReset,
    int poolSize,
    int nameCacheSize,
    KafkaSettings kafka,
    PostgresSettings postgres) {
  public static final String DEFAULT_HOST = "127.0.0.1";

  /**
   * The catalog's port of the UI ({@link JvmApp#ALERT_UI_PORT}): the Makefile's and the cluster's
   * too.
   */
  public static final int DEFAULT_PORT = JvmApp.ALERT_UI_PORT;

  public static final int DEFAULT_MAX_CONNECTIONS = 100;
  public static final double DEFAULT_ADOPTION_SHARE = 0.25;
  public static final int DEFAULT_RECENT_ALERTS = 50;
  public static final String DEFAULT_CONSUMER_GROUP = "catcafe-alert-ui";
  public static final String DEFAULT_OFFSET_RESET = "latest";
  public static final int DEFAULT_POOL_SIZE = 4;
  public static final int DEFAULT_NAME_CACHE_SIZE = 10_000;

  public AlertUiConfig {
    if (host == null || !host.matches("[A-Za-z0-9.:\\-]+")) {
      throw new IllegalArgumentException("ALERT_UI_HOST (--host) must be an address: " + host);
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("ALERT_UI_PORT (--port) must be 0-65535: " + port);
    }
    allowedOrigins = List.copyOf(requireNonNull(allowedOrigins, "allowedOrigins is null"));
    // Fails here, at start, on an origin that is not http(s)://host[:port].
    Origins.of(allowedOrigins, Math.max(port, 1));
    if (maxConnections < 1 || maxConnections > 10_000) {
      throw new IllegalArgumentException("--max-connections must be 1-10000: " + maxConnections);
    }
    if (!(adoptionShare >= 0.0 && adoptionShare <= 1.0)) {
      throw new IllegalArgumentException(
          "ALERT_UI_ADOPTION_SHARE (--adoption-share) must be within [0, 1]: " + adoptionShare);
    }
    requireNonNull(staffToken, "staffToken is null");
    if (recentAlerts < 0 || recentAlerts > 1_000) {
      throw new IllegalArgumentException("--recent-alerts must be 0-1000: " + recentAlerts);
    }
    if (consumerGroup == null || consumerGroup.isBlank()) {
      throw new IllegalArgumentException("--consumer-group must be set");
    }
    if (!Set.of("latest", "earliest").contains(offsetReset)) {
      throw new IllegalArgumentException(
          "--new-group-start must be latest or earliest: " + offsetReset);
    }
    if (poolSize < 1 || poolSize > 64) {
      throw new IllegalArgumentException("--pool-size must be 1-64: " + poolSize);
    }
    if (nameCacheSize < 1) {
      throw new IllegalArgumentException("--name-cache-size must be positive: " + nameCacheSize);
    }
    requireNonNull(kafka, "kafka is null");
    requireNonNull(postgres, "postgres is null");
  }

  /** The defaults, against the given platform; tests adjust with the {@code with…} methods. */
  public static AlertUiConfig defaults(KafkaSettings kafka, PostgresSettings postgres) {
    return new AlertUiConfig(
        DEFAULT_HOST,
        DEFAULT_PORT,
        List.of(),
        DEFAULT_MAX_CONNECTIONS,
        DEFAULT_ADOPTION_SHARE,
        StaffToken.disabled(),
        DEFAULT_RECENT_ALERTS,
        DEFAULT_CONSUMER_GROUP,
        DEFAULT_OFFSET_RESET,
        DEFAULT_POOL_SIZE,
        DEFAULT_NAME_CACHE_SIZE,
        kafka,
        postgres);
  }

  public AlertUiConfig withPort(int newPort) {
    return copy(fields -> fields.port = newPort);
  }

  public AlertUiConfig withAllowedOrigins(List<String> newOrigins) {
    return copy(fields -> fields.allowedOrigins = newOrigins);
  }

  public AlertUiConfig withMaxConnections(int newMax) {
    return copy(fields -> fields.maxConnections = newMax);
  }

  public AlertUiConfig withAdoptionShare(double newShare) {
    return copy(fields -> fields.adoptionShare = newShare);
  }

  public AlertUiConfig withStaffToken(StaffToken newToken) {
    return copy(fields -> fields.staffToken = newToken);
  }

  public AlertUiConfig withConsumerGroup(String newGroup, String newOffsetReset) {
    return copy(
        fields -> {
          fields.consumerGroup = newGroup;
          fields.offsetReset = newOffsetReset;
        });
  }

  /** This config with {@code change} applied, validated again by the constructor. */
  private AlertUiConfig copy(Consumer<Fields> change) {
    Fields fields = new Fields(this);
    change.accept(fields);
    return fields.toConfig();
  }

  /** The components a {@code with} method may change, so each names only what it changes. */
  private static final class Fields {
    private final AlertUiConfig original;
    private int port;
    private List<String> allowedOrigins;
    private int maxConnections;
    private double adoptionShare;
    private StaffToken staffToken;
    private String consumerGroup;
    private String offsetReset;

    private Fields(AlertUiConfig original) {
      this.original = original;
      this.port = original.port;
      this.allowedOrigins = original.allowedOrigins;
      this.maxConnections = original.maxConnections;
      this.adoptionShare = original.adoptionShare;
      this.staffToken = original.staffToken;
      this.consumerGroup = original.consumerGroup;
      this.offsetReset = original.offsetReset;
    }

    private AlertUiConfig toConfig() {
      return new AlertUiConfig(
          original.host,
          port,
          allowedOrigins,
          maxConnections,
          adoptionShare,
          staffToken,
          original.recentAlerts,
          consumerGroup,
          offsetReset,
          original.poolSize,
          original.nameCacheSize,
          original.kafka,
          original.postgres);
    }
  }
}
