package dev.catcafe.trino;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.TrinoCatalogs;
import dev.catcafe.model.config.TrinoSettings;
import dev.catcafe.model.config.TrinoUser;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.TestingCatalogs;
import dev.catcafe.spark.testing.TestingSessions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Trino's authentication and access rules on the real platform: who may do what, proven by doing
 * it. The read-only analyst (Superset's and the notebooks' user) reads every analytics view and
 * runs the original's SQL Lab queries, and is refused every write, drop, view creation and
 * procedure; a request without a password, or with a wrong one, gets 401.
 */
@ExtendWith(LocalPlatformExtension.class)
final class TrinoAccessIT {
  private static final String PREFIX =
      "it-access-" + UUID.randomUUID().toString().substring(0, 8) + "-";

  private static SparkSession spark;
  private static CatalogSettings catalog;
  private static ViewSchemas schemas;

  @BeforeAll
  static void writeDataAndCreateViews(TestingPlatform platform) throws SQLException {
    catalog = TestingCatalogs.jdbc(platform, "it_trino_access");
    schemas = ViewSchemas.forNamespace("iceberg", catalog.namespace());
    TestingCafeData data = new TestingCafeData(PREFIX, 16L, List.of(LocalDate.parse("2026-11-10")));
    data.writeOperational(platform.postgres());
    spark = TestingSessions.create("trino-access-it", catalog);
    data.writeLake(spark, catalog);
    try (Connection viewOwner = platform.trino(TrinoUser.VIEW_OWNER).connect()) {
      assertThat(
              TrinoViews.createOrReplace(
                  viewOwner, schemas, new PrintStream(OutputStream.nullOutputStream())))
          .isEmpty();
    }
  }

  @AfterAll
  static void stopSpark() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void aQueryWithoutAPasswordOrWithAWrongOneGets401(TestingPlatform platform) throws Exception {
    TrinoSettings analyst = platform.trino(TrinoUser.ANALYST);
    HttpClient client =
        HttpClient.newBuilder()
            .sslContext(trusting(Path.of(analyst.trustStore())))
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    URI statement = URI.create(analyst.serverUri() + "/v1/statement");
    HttpRequest.Builder query =
        HttpRequest.newBuilder(statement)
            .header("X-Trino-User", analyst.user())
            .POST(HttpRequest.BodyPublishers.ofString("SELECT 1"));

    HttpResponse<String> anonymous =
        client.send(query.copy().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).as(anonymous.body()).isEqualTo(401);

    String wrong =
        Base64.getEncoder().encodeToString((analyst.user() + ":not-the-password").getBytes());
    HttpResponse<String> wrongPassword =
        client.send(
            query.copy().header("Authorization", "Basic " + wrong).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(wrongPassword.statusCode()).as(wrongPassword.body()).isEqualTo(401);

    String right =
        Base64.getEncoder().encodeToString((analyst.user() + ":" + analyst.password()).getBytes());
    HttpResponse<String> authenticated =
        client.send(
            query.copy().header("Authorization", "Basic " + right).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(authenticated.statusCode()).as(authenticated.body()).isEqualTo(200);

    // The driver, too, is refused a wrong password; and the port serves no plain HTTP.
    assertThatThrownBy(
            () ->
                new TrinoSettings(
                        analyst.jdbcUrl(), analyst.user(), "not-the-password", analyst.trustStore())
                    .connect()
                    .createStatement()
                    .executeQuery("SELECT 1"))
        .hasMessageContaining("Invalid credentials");
    assertThatThrownBy(
            () ->
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(
                                URI.create(
                                    "http://127.0.0.1:%d/v1/info"
                                        .formatted(analyst.serverUri().getPort())))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                        HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void theAnalystReadsEveryViewAndRunsTheSqlLabQueries(TestingPlatform platform)
      throws SQLException {
    try (Connection analyst = platform.trino(TrinoUser.ANALYST).connect()) {
      for (AnalyticsView view : AnalyticsView.values()) {
        assertThat(firstColumn(analyst, "SELECT * FROM " + schemas.qualifiedView(view)))
            .as(view.viewName())
            .isNotEmpty();
      }
      // The original's SQL Lab queries (spec §7), on this test's namespace.
      assertThat(firstColumn(analyst, "SHOW CATALOGS")).contains("iceberg", "postgresql");
      assertThat(firstColumn(analyst, "SHOW SCHEMAS FROM iceberg"))
          .contains(catalog.namespace(), schemas.analytics().substring("iceberg.".length()));
      assertThat(firstColumn(analyst, "SHOW TABLES FROM " + schemas.lake()))
          .contains(LakeTable.DAILY_CAT_SUMMARY.tableName());
      assertThat(
              firstColumn(
                  analyst,
                  "SELECT * FROM %s.%s LIMIT 10"
                      .formatted(schemas.lake(), LakeTable.DAILY_CAT_SUMMARY.tableName())))
          .isNotEmpty();
      assertThat(firstColumn(analyst, "SELECT cat_id FROM postgresql.public.cats LIMIT 1"))
          .hasSize(1);
    }
  }

  @Test
  void theAnalystMayNotWriteDropCreateViewsOrCallProcedures(TestingPlatform platform)
      throws SQLException {
    String summary = "%s.%s".formatted(schemas.lake(), LakeTable.DAILY_CAT_SUMMARY.tableName());
    String view = schemas.qualifiedView(AnalyticsView.DAILY_CAFE_REVENUE);
    try (Connection analyst = platform.trino(TrinoUser.ANALYST).connect()) {
      long summaryRows = count(analyst, summary);
      long cats = count(analyst, "postgresql.public.cats");
      List<String> refused =
          List.of(
              "DROP TABLE " + summary,
              "DROP TABLE postgresql.public.cats",
              "INSERT INTO %s SELECT * FROM %s".formatted(summary, summary),
              "INSERT INTO postgresql.public.cats (cat_id) VALUES ('%sintruder')".formatted(PREFIX),
              "DELETE FROM " + summary,
              "DELETE FROM postgresql.public.cats",
              "CREATE TABLE %s.stolen AS SELECT 1 AS x".formatted(schemas.lake()),
              "CREATE VIEW %s.intruder AS SELECT 1 AS x".formatted(schemas.analytics()),
              "CREATE OR REPLACE VIEW %s AS SELECT 1 AS x".formatted(view),
              "DROP VIEW " + view,
              "CREATE SCHEMA iceberg.%sintruder".formatted(catalog.namespace()),
              "CALL postgresql.system.execute(query => 'DELETE FROM cats')",
              "CALL iceberg.system.unregister_table(schema_name => '%s', table_name => '%s')"
                  .formatted(catalog.namespace(), LakeTable.DAILY_CAT_SUMMARY.tableName()),
              "SELECT * FROM TABLE(postgresql.system.query(query => 'SELECT 1'))",
              // Table procedures, which Trino's access rules cannot name: the lake catalog the
              // analyst reads is read-only in the connector, which refuses them.
              "ALTER TABLE %s EXECUTE optimize".formatted(summary),
              "ALTER TABLE %s EXECUTE expire_snapshots(retention_threshold => '7d')"
                  .formatted(summary),
              "ALTER TABLE %s EXECUTE remove_orphan_files(retention_threshold => '7d')"
                  .formatted(summary),
              // The writable catalog of the same lake is not the analyst's to use at all.
              "SELECT count(*) FROM %s.%s.%s"
                  .formatted(
                      TrinoCatalogs.LAKE_WRITABLE,
                      catalog.namespace(),
                      LakeTable.DAILY_CAT_SUMMARY.tableName()),
              "ALTER TABLE %s.%s.%s EXECUTE optimize"
                  .formatted(
                      TrinoCatalogs.LAKE_WRITABLE,
                      catalog.namespace(),
                      LakeTable.DAILY_CAT_SUMMARY.tableName()));
      // The table's snapshots, which a table procedure would change: the same before and after.
      String snapshots =
          "%s.\"%s$snapshots\"".formatted(schemas.lake(), LakeTable.DAILY_CAT_SUMMARY.tableName());
      long snapshotsBefore = count(analyst, snapshots);
      for (String sql : refused) {
        assertThatThrownBy(() -> execute(analyst, sql))
            .as(sql)
            .hasMessageContaining("Access Denied");
      }
      assertThat(count(analyst, summary)).isEqualTo(summaryRows);
      assertThat(count(analyst, snapshots)).isEqualTo(snapshotsBefore);
      assertThat(count(analyst, "postgresql.public.cats")).isEqualTo(cats);
      assertThat(firstColumn(analyst, "SELECT * FROM " + view)).isNotEmpty();
    }
  }

  @Test
  void theViewOwnerMayCreateViewsButNotWriteTheLakeOrTheCafeDatabase(TestingPlatform platform)
      throws SQLException {
    String summary = "%s.%s".formatted(schemas.lake(), LakeTable.DAILY_CAT_SUMMARY.tableName());
    // The writable catalog lets it create views in its analytics schemas, and nothing else.
    String writableLake = TrinoCatalogs.LAKE_WRITABLE + "." + catalog.namespace();
    String writableSummary = writableLake + "." + LakeTable.DAILY_CAT_SUMMARY.tableName();
    try (Connection viewOwner = platform.trino(TrinoUser.VIEW_OWNER).connect()) {
      for (String sql :
          List.of(
              "DROP TABLE " + summary,
              "DELETE FROM " + summary,
              "CREATE TABLE %s.stolen AS SELECT 1 AS x".formatted(schemas.lake()),
              "DROP TABLE " + writableSummary,
              "DELETE FROM " + writableSummary,
              "INSERT INTO %s SELECT * FROM %s".formatted(writableSummary, summary),
              "CREATE TABLE %s.stolen AS SELECT 1 AS x".formatted(writableLake),
              "CREATE VIEW %s.intruder AS SELECT 1 AS x".formatted(writableLake),
              "INSERT INTO postgresql.public.cats (cat_id) VALUES ('%sintruder')".formatted(PREFIX),
              "CALL postgresql.system.execute(query => 'DELETE FROM cats')")) {
        assertThatThrownBy(() -> execute(viewOwner, sql))
            .as(sql)
            .hasMessageContaining("Access Denied");
      }
    }
  }

  private static SSLContext trusting(Path pem) throws IOException, GeneralSecurityException {
    KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
    trust.load(null, null);
    try (InputStream in = Files.newInputStream(pem)) {
      trust.setCertificateEntry(
          "trino", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(trust);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, factory.getTrustManagers(), null);
    return context;
  }

  private static void execute(Connection trino, String sql) throws SQLException {
    try (Statement statement = trino.createStatement()) {
      statement.execute(sql);
    }
  }

  private static long count(Connection trino, String table) throws SQLException {
    try (Statement statement = trino.createStatement();
        ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table)) {
      result.next();
      return result.getLong(1);
    }
  }

  private static List<String> firstColumn(Connection trino, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Statement statement = trino.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        values.add(result.getString(1));
      }
    }
    return values;
  }
}
