package dev.catcafe.spark.testing;

import dev.catcafe.model.config.CatalogSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * One small local Spark session per test class ({@link TestingSessions}) with a Hadoop catalog
 * ({@link TestingCatalogs#hadoop}) on a temporary warehouse, so unit tests need no database.
 * Integration tests run over every catalog type instead.
 */
public abstract class BaseSparkTest {
  public static final String CATALOG = TestingCatalogs.NAME;

  protected static SparkSession spark;
  protected static Path warehouse;

  @BeforeAll
  static void startSpark() throws IOException {
    warehouse = Files.createTempDirectory("catcafe-warehouse");
    spark = TestingSessions.create("unit-test", catalog("unit"));
  }

  /** The session's Hadoop catalog, for the tables of {@code namespace}. */
  protected static CatalogSettings catalog(String namespace) {
    return TestingCatalogs.hadoop(warehouse, namespace);
  }

  @AfterAll
  static void stopSpark() throws IOException {
    if (spark != null) {
      spark.stop();
      spark = null;
    }
    if (warehouse != null) {
      try (Stream<Path> files = Files.walk(warehouse)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }
}
