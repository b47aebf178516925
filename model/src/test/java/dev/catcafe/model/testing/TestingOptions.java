package dev.catcafe.model.testing;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.model.config.KafkaCredentials;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.MetricsSettings;
import dev.catcafe.model.config.ObjectStoreSettings;
import dev.catcafe.model.config.PostgresSettings;
import java.util.Optional;

/**
 * The shared option mixins as every command's config test records them, written once: their
 * defaults, a non-default value for each option (tables for {@link ConfigAssertions}), and the
 * settings those values give. A command's test joins them to its own options' table, e.g. {@code
 * KAFKA_DEFAULTS + """ --mode realtime """}.
 */
public final class TestingOptions {
  public static final String KAFKA_DEFAULTS =
      """
      --kafka-bootstrap-servers  127.0.0.1:9092
      --kafka-topic-prefix       ""
      --kafka-username           ""
      """;

  public static final String KAFKA_ARGUMENTS =
      """
      --kafka-bootstrap-servers  broker:19092,b2:19093
      --kafka-topic-prefix       t-
      --kafka-username           catcafe-simulator
      """;

  /**
   * What {@link #KAFKA_ARGUMENTS} map to; the password is the surefire environment's {@code
   * KAFKA_PASSWORD} (root pom), as a program reads it from its environment.
   */
  public static final KafkaSettings KAFKA_SETTINGS =
      new KafkaSettings("broker:19092,b2:19093", "t-")
          .withCredentials(new KafkaCredentials("catcafe-simulator", "options-test-password"));

  public static final KafkaSettings DEFAULT_KAFKA_SETTINGS = new KafkaSettings("127.0.0.1:9092");

  public static final String POSTGRES_DEFAULTS =
      """
      --postgres-url   jdbc:postgresql://127.0.0.1:5432/cafe
      --postgres-user  cafe
      """;

  public static final String POSTGRES_ARGUMENTS =
      """
      --postgres-url   jdbc:postgresql://db:5433/shop
      --postgres-user  clerk
      """;

  /** The password has no option on purpose: it comes from the environment only. */
  public static final PostgresSettings POSTGRES_SETTINGS =
      new PostgresSettings(
          "jdbc:postgresql://db:5433/shop", "clerk", environment("POSTGRES_PASSWORD"));

  public static final PostgresSettings DEFAULT_POSTGRES_SETTINGS =
      new PostgresSettings(
          "jdbc:postgresql://127.0.0.1:5432/cafe", "cafe", environment("POSTGRES_PASSWORD"));

  public static final String CATALOG_DEFAULTS =
      """
      --catalog-name  lakehouse
      --catalog-type  jdbc
      --catalog-uri   jdbc:postgresql://127.0.0.1:5432/iceberg_catalog
      --catalog-user  cafe
      --warehouse     file://${sys:user.dir}/.work/platform/warehouse
      --namespace     cafe
      --s3-endpoint   ""
      --s3-region     us-east-1
      """;

  /** {@code JDBC} is another spelling of jdbc: the URI and the user apply to jdbc only. */
  public static final String CATALOG_ARGUMENTS =
      """
      --catalog-name  lake
      --catalog-type  JDBC
      --catalog-uri   jdbc:postgresql://db:5433/catalog
      --catalog-user  keeper
      --warehouse     s3://bucket/warehouse
      --namespace     shop
      --s3-endpoint   http://store:9000
      --s3-region     eu-west-1
      """;

  /** The passwords and keys have no option on purpose: they come from the environment only. */
  public static final CatalogSettings CATALOG_SETTINGS =
      new CatalogSettings(
          "lake",
          CatalogType.JDBC,
          "jdbc:postgresql://db:5433/catalog",
          "keeper",
          environment("ICEBERG_CATALOG_PASSWORD"),
          "s3://bucket/warehouse",
          "shop",
          Optional.of(
              new ObjectStoreSettings(
                  "http://store:9000",
                  "eu-west-1",
                  environment("S3_ACCESS_KEY_ID"),
                  environment("S3_SECRET_ACCESS_KEY"))));

  /** {@code MetricsOptions}: no port of its own; the job catalog's is the default. */
  public static final String METRICS_DEFAULTS =
      """
      --metrics       true
      --metrics-host  127.0.0.1
      --metrics-port
      """;

  public static final String METRICS_ARGUMENTS =
      """
      --metrics       false
      --metrics-host  0.0.0.0
      --metrics-port  19401
      """;

  public static final MetricsSettings METRICS_SETTINGS =
      new MetricsSettings(false, "0.0.0.0", 19401);

  private TestingOptions() {}

  private static String environment(String variable) {
    return System.getenv().getOrDefault(variable, "");
  }
}
