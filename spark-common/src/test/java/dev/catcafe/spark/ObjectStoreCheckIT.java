package dev.catcafe.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.LakeStorage;
import dev.catcafe.model.config.ObjectStoreSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.TestingObjectStore;
import dev.catcafe.spark.testing.TestingSessions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bad object store settings stop a job at its start, before it writes anything, with a message
 * naming the setting to fix: wrong keys and a missing bucket as configuration errors (exit 2, not
 * retried), an unreachable endpoint as a failure a supervisor retries. Against the platform's real
 * S3 server; every job builds its session through {@link SparkSessions#create}, which checks.
 */
@ExtendWith(LocalPlatformExtension.class)
final class ObjectStoreCheckIT {
  private static final String NAMESPACE = "it_bad_store";

  private TestingPlatform platform;
  private CatalogSettings good;

  @BeforeEach
  void catalogOnTheStore(TestingPlatform platform) {
    this.platform = platform;
    this.good = platform.catalog(LakeStorage.S3, NAMESPACE);
  }

  @Test
  void goodSettingsPass() {
    ObjectStoreCheck.verify(good);
  }

  @Test
  void wrongKeysFailNamingTheKeySettings() throws Exception {
    ObjectStoreSettings store = good.objectStore().orElseThrow();
    ObjectStoreSettings wrongSecret =
        new ObjectStoreSettings(
            store.endpoint(), store.region(), store.accessKeyId(), "not-the-secret");
    assertFailsBeforeAnyWrite(
        good.withWarehouse(good.warehouse(), Optional.of(wrongSecret)),
        IllegalArgumentException.class,
        "S3_ACCESS_KEY_ID",
        "S3_SECRET_ACCESS_KEY",
        "403");
    ObjectStoreSettings unknownKey =
        new ObjectStoreSettings(
            store.endpoint(), store.region(), "no-such-key", store.secretAccessKey());
    assertFailsBeforeAnyWrite(
        good.withWarehouse(good.warehouse(), Optional.of(unknownKey)),
        IllegalArgumentException.class,
        "S3_ACCESS_KEY_ID",
        "no-such-key");
  }

  @Test
  void missingBucketFailsNamingTheWarehouse() throws Exception {
    String missing = "s3://no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8) + "/w";
    assertFailsBeforeAnyWrite(
        good.withWarehouse(missing, good.objectStore()),
        IllegalArgumentException.class,
        "ICEBERG_WAREHOUSE",
        missing,
        "does not exist");
  }

  @Test
  void unreachableEndpointFailsFastNamingTheEndpoint() throws Exception {
    int closedPort;
    // A port nobody listens on: the OS gave it out and it was closed again.
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    ObjectStoreSettings store = good.objectStore().orElseThrow();
    ObjectStoreSettings nowhere =
        new ObjectStoreSettings(
            "http://127.0.0.1:" + closedPort,
            store.region(),
            store.accessKeyId(),
            store.secretAccessKey());
    long started = System.nanoTime();
    assertFailsBeforeAnyWrite(
        good.withWarehouse(good.warehouse(), Optional.of(nowhere)),
        IllegalStateException.class,
        "S3_ENDPOINT",
        "127.0.0.1:" + closedPort);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
  }

  /**
   * Building the session a job would run on fails with the setting's name, and nothing was written:
   * no table in the catalog's namespace, no object under its warehouse prefix.
   */
  private void assertFailsBeforeAnyWrite(
      CatalogSettings bad, Class<? extends RuntimeException> type, String... messageParts)
      throws Exception {
    assertThatThrownBy(() -> TestingSessions.create("bad-store-it", bad))
        .isInstanceOf(type)
        .satisfies(
            failure -> {
              for (String part : messageParts) {
                assertThat(failure.getMessage()).contains(part);
              }
            })
        .message()
        .doesNotContain(good.objectStore().orElseThrow().secretAccessKey());
    assertThat(tablesIn(good)).isZero();
    assertThat(
            TestingObjectStore.list(
                platform.objectStore(), good.warehouse() + "/" + good.namespace() + "/"))
        .isEmpty();
  }

  private static int tablesIn(CatalogSettings catalog) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(catalog.uri(), catalog.user(), catalog.password());
        PreparedStatement query =
            connection.prepareStatement(
                "SELECT count(*) FROM iceberg_tables"
                    + " WHERE catalog_name = ? AND table_namespace = ?")) {
      query.setString(1, catalog.name());
      query.setString(2, catalog.namespace());
      try (ResultSet result = query.executeQuery()) {
        result.next();
        return result.getInt(1);
      }
    }
  }
}
