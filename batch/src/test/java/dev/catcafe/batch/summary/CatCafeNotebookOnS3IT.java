package dev.catcafe.batch.summary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.batch.schedule.BatchProcesses.Outcome;
import dev.catcafe.model.LakeTable;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.LakeStorage;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.LakeAssertions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The analysts' notebook on a lake in the object store: the kernel finds the store's endpoint and
 * keys in the environment (an owner-only {@code spark-defaults.conf}, never the notebook), and
 * every cell publishes what it does on local files ({@link CatCafeNotebookIT}).
 */
@ExtendWith(LocalPlatformExtension.class)
final class CatCafeNotebookOnS3IT {
  private static final String RUN_ID = "s3" + UUID.randomUUID().toString().substring(0, 6);

  @Test
  void everyCellRunsOnAnS3Lake(TestingPlatform platform) throws Exception {
    // Installed by CatCafeNotebookIT when it ran first; otherwise here (seconds when present).
    Outcome install = TestingJupyter.notebookCommand(Map.of(), Duration.ofMinutes(15), "install");
    assertThat(install.exitStatus()).as(install.toString()).isZero();
    CatalogSettings catalog = platform.catalog(LakeStorage.S3, "it_notebook_s3");
    try (NotebookLake lake = NotebookLake.write(platform, catalog, RUN_ID)) {
      lake.runNotebook(platform);
      LakeAssertions.assertFilesWhereTheStorageSays(
          lake.spark(), platform, catalog, LakeTable.DAILY_CAT_SUMMARY.qualifiedName(catalog));
    }
  }
}
