package dev.catcafe.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.model.config.EventLogSettings;
import dev.catcafe.model.config.SparkCatalogConf;
import dev.catcafe.spark.fs.LocalFileSystems;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class TestSessionSettings {
  private static final CatalogSettings JDBC =
      new CatalogSettings(
          "lakehouse",
          CatalogType.JDBC,
          "jdbc:postgresql://127.0.0.1:5432/iceberg_catalog",
          "cafe",
          "secret",
          "file:///w",
          "cafe",
          Optional.empty());

  @Test
  void sparkConfHoldsTheCatalogTheLocalFileSystemUtcAndTheTypedSettings() {
    Map<String, String> conf =
        SessionSettings.builder("job", "local[3]")
            .catalog(JDBC)
            .ui(false)
            .loopback()
            .shufflePartitions(4)
            .defaultParallelism(3)
            .stateStoreProvider(SessionSettings.ROCKSDB_PROVIDER)
            .conf("spark.scheduler.mode", "FAIR")
            .build()
            .sparkConf();
    assertThat(conf)
        .containsAllEntriesOf(SparkCatalogConf.of(JDBC))
        .containsAllEntriesOf(LocalFileSystems.sparkConf())
        .containsEntry("spark.app.name", "job")
        .containsEntry("spark.master", "local[3]")
        .containsEntry("spark.sql.session.timeZone", "UTC")
        .containsEntry("spark.ui.enabled", "false")
        .containsEntry("spark.driver.bindAddress", "127.0.0.1")
        .containsEntry("spark.driver.host", "127.0.0.1")
        .containsEntry("spark.sql.shuffle.partitions", "4")
        .containsEntry("spark.default.parallelism", "3")
        .containsEntry(
            "spark.sql.streaming.stateStore.providerClass", SessionSettings.ROCKSDB_PROVIDER)
        .containsEntry("spark.scheduler.mode", "FAIR");
  }

  @Test
  void withoutACatalogOrOptionalSettingsSparkKeepsItsDefaults() {
    Map<String, String> conf =
        SessionSettings.builder("alerts", "k8s://https://kubernetes:443").build().sparkConf();
    assertThat(conf.keySet())
        .noneMatch(key -> key.startsWith("spark.sql.catalog."))
        .doesNotContain(
            "spark.driver.bindAddress",
            "spark.default.parallelism",
            "spark.sql.streaming.stateStore.providerClass");
    assertThat(conf).containsEntry("spark.ui.enabled", "true");
  }

  @Test
  void anInProcessDriverListensOnLoopbackOnly() {
    for (String master : new String[] {"local", "local[2]", "local[*]"}) {
      assertThat(SessionSettings.builder("job", master).build().sparkConf())
          .as(master)
          .containsEntry("spark.driver.bindAddress", "127.0.0.1")
          .containsEntry("spark.driver.host", "127.0.0.1");
    }
    // A driver with executors in a cluster keeps Spark's choice: they must reach it.
    assertThat(SessionSettings.builder("job", "k8s://https://kubernetes:443").build().bindAddress())
        .isEmpty();
  }

  @Test
  void aHadoopCatalogHasNoUriOrCredentials() {
    CatalogSettings hadoop = CatalogSettings.hadoop("lakehouse", "file:///tmp/w", "cafe");
    assertThat(SparkCatalogConf.of(hadoop))
        .containsEntry("spark.sql.catalog.lakehouse.type", "hadoop")
        .containsEntry("spark.sql.catalog.lakehouse.warehouse", "file:///tmp/w")
        .doesNotContainKeys(
            "spark.sql.catalog.lakehouse.uri", "spark.sql.catalog.lakehouse.jdbc.user");
  }

  @Test
  void rejectsBadMastersAndCounts() {
    assertThatThrownBy(() -> SessionSettings.builder("job", "local[0]").build())
        .hasMessageContaining("Spark master is 'local[0]'");
    assertThatThrownBy(() -> SessionSettings.builder("job", " ").build())
        .hasMessageContaining("SPARK_MASTER");
    assertThatThrownBy(() -> SessionSettings.builder("job", "local").shufflePartitions(0).build())
        .hasMessageContaining("shufflePartitions");
    assertThat(SessionSettings.builder("job", "k8s://https://kubernetes:443").build().master())
        .isEqualTo("k8s://https://kubernetes:443");
    assertThat(SessionSettings.builder("job", "local[*]").build().master()).isEqualTo("local[*]");
  }

  @Test
  void extraConfMayNotRepeatATypedSetting() {
    assertThatThrownBy(
            () ->
                SessionSettings.builder("job", "local")
                    .conf("spark.sql.shuffle.partitions", "8")
                    .build())
        .hasMessageContaining("spark.sql.shuffle.partitions")
        .hasMessageContaining("its own option");
    assertThatThrownBy(() -> SessionSettings.builder("job", "local").conf("ui", "x").build())
        .hasMessageContaining("starting with spark.");
  }

  @Test
  void theEventLogIsOffUnlessAskedForAndTyped() {
    assertThat(SessionSettings.builder("job", "local").build().sparkConf())
        .containsEntry("spark.eventLog.enabled", "false")
        .doesNotContainKey("spark.eventLog.dir");
    EventLogSettings log = EventLogSettings.in("file:///tmp/events");
    assertThat(
            SessionSettings.builder("job", "local").eventLog(Optional.of(log)).build().sparkConf())
        .containsAllEntriesOf(log.sparkConf());
    for (String key : log.sparkConf().keySet()) {
      assertThatThrownBy(() -> SessionSettings.builder("job", "local").conf(key, "x").build())
          .hasMessageContaining(key)
          .hasMessageContaining("its own option");
    }
  }
}
