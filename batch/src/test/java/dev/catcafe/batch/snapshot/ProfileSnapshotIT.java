package dev.catcafe.batch.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.batch.summary.TestingCats;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.OperationalSchema;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.LakeAssertions;
import dev.catcafe.spark.testing.TestingCatalogs;
import dev.catcafe.spark.testing.TestingCatalogs.Lake;
import dev.catcafe.spark.testing.TestingSessions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Profile snapshots on the real platform, on each catalog type and storage ({@link
 * TestingCatalogs#lakes}): exact copies, one snapshot each, time-travelable.
 */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.catcafe.spark.testing.TestingCatalogs#lakes")
@ExtendWith(LocalPlatformExtension.class)
final class ProfileSnapshotIT {
  @Parameter Lake lake;

  @Test
  void copiesProfilesAndKeepsEarlierSnapshotsForTimeTravel(TestingPlatform platform)
      throws Exception {
    CatalogSettings catalog = TestingCatalogs.onPlatform(lake, platform, "it_batch_snapshot");
    PostgresSettings postgres = platform.isolatedPostgres("it_batch_snapshot");
    TestingCats.reset(postgres);
    TestingCats.upsert(postgres, Map.of("cat-a", "Luna", "cat-b", "Oliver"));
    try (Connection connection = TestingCats.connect(postgres);
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO visitors VALUES ('visitor-1', 'Ada Lovelace', 'cat_lover',"
                    + " TIMESTAMP '2026-03-01 00:00:00') ON CONFLICT DO NOTHING")) {
      insert.executeUpdate();
    }
    SparkSession spark = TestingSessions.create("profile-snapshot-it", catalog);
    try {
      TestingCats.dropLakeTables(
          spark, catalog, LakeTable.CATS_PROFILES_RAW, LakeTable.VISITORS_PROFILES_RAW);
      String cats = LakeTable.CATS_PROFILES_RAW.qualifiedName(catalog);
      String visitors = LakeTable.VISITORS_PROFILES_RAW.qualifiedName(catalog);

      ProfileSnapshotResult first = ProfileSnapshotJob.run(spark, catalog, postgres);
      Instant afterFirst = Instant.now();
      assertThat(first.cats().rows()).isEqualTo(2);
      assertThat(first.visitors().rows()).isEqualTo(1);
      assertThat(spark.table(cats).columns())
          .containsExactlyElementsOf(OperationalSchema.CATS_COLUMNS);
      assertThat(spark.table(visitors).columns())
          .containsExactlyElementsOf(OperationalSchema.VISITORS_COLUMNS);
      assertThat(names(spark, "SELECT cat_id, name FROM " + cats))
          .containsExactlyInAnyOrder("cat-a=Luna", "cat-b=Oliver");
      assertThat(
              spark
                  .sql("SELECT name, archetype FROM " + visitors)
                  .collectAsList()
                  .get(0)
                  .mkString("|"))
          .isEqualTo("Ada Lovelace|cat_lover");

      TestingCats.upsert(postgres, Map.of("cat-a", "Luna II", "cat-c", "Bella"));
      ProfileSnapshotResult second = ProfileSnapshotJob.run(spark, catalog, postgres);

      assertThat(second.cats().snapshotId()).isNotEqualTo(first.cats().snapshotId());
      assertThat(names(spark, "SELECT cat_id, name FROM " + cats))
          .containsExactlyInAnyOrder("cat-a=Luna II", "cat-b=Oliver", "cat-c=Bella");
      // The profiles as they were after the first run, by time travel.
      assertThat(
              names(
                  spark,
                  "SELECT cat_id, name FROM %s FOR TIMESTAMP AS OF TIMESTAMP '%s'"
                      .formatted(cats, afterFirst)))
          .containsExactlyInAnyOrder("cat-a=Luna", "cat-b=Oliver");
      // One snapshot per run and table.
      assertThat(spark.sql("SELECT * FROM %s.snapshots".formatted(cats)).count()).isEqualTo(2);
      LakeAssertions.assertFilesWhereTheStorageSays(spark, platform, catalog, cats);
      LakeAssertions.assertFilesWhereTheStorageSays(spark, platform, catalog, visitors);
    } finally {
      spark.stop();
    }
  }

  private static List<String> names(SparkSession spark, String sql) {
    return spark.sql(sql).collectAsList().stream()
        .map((Row row) -> row.getString(0) + "=" + row.getString(1))
        .toList();
  }
}
