package dev.catcafe.trino;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.LakeTable;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.LakeStorage;
import dev.catcafe.model.config.TrinoUser;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.LakeAssertions;
import dev.catcafe.spark.testing.TestingSessions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The analytics views over a lake in the object store: Spark writes the cafe's tables to {@code
 * s3://} (Iceberg's S3FileIO), Trino reads them through its native S3 file system, and every view
 * equals the computation {@link TrinoViewsIT} checks on local files, from the same data.
 */
@ExtendWith(LocalPlatformExtension.class)
final class TrinoViewsOnS3IT {
  private static final String PREFIX =
      "it-views-s3-" + UUID.randomUUID().toString().substring(0, 8) + "-";

  @Test
  void everyViewEqualsAnIndependentComputationOnAnS3Lake(TestingPlatform platform)
      throws Exception {
    CatalogSettings catalog = platform.catalog(LakeStorage.S3, "it_trino_views_s3");
    ViewSchemas schemas = ViewSchemas.forNamespace("iceberg", catalog.namespace());
    TestingCafeData data = TrinoViewsIT.cafeData(PREFIX);
    data.writeOperational(platform.postgres());
    SparkSession spark = TestingSessions.create("trino-views-s3-it", catalog);
    try {
      data.writeLake(spark, catalog);
      LakeAssertions.assertFilesWhereTheStorageSays(
          spark, platform, catalog, LakeTable.CAT_INTERACTIONS_RAW.qualifiedName(catalog));
      Map<AnalyticsView, List<String>> expected =
          TrinoViewsIT.expectations(platform.postgres(), spark, catalog, PREFIX);
      assertThat(expected.values()).allSatisfy(rows -> assertThat(rows).isNotEmpty());

      try (Connection owner = platform.trino(TrinoUser.VIEW_OWNER).connect()) {
        assertThat(
                TrinoViews.createOrReplace(
                    owner, schemas, new PrintStream(OutputStream.nullOutputStream())))
            .isEmpty();
      }
      try (Connection analyst = platform.trino(TrinoUser.ANALYST).connect()) {
        for (AnalyticsView view : AnalyticsView.values()) {
          assertThat(TrinoViewsIT.viewRows(analyst, schemas, view))
              .as(view.viewName())
              .isEqualTo(expected.get(view));
        }
      }
    } finally {
      spark.stop();
    }
  }
}
