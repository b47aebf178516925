package dev.catcafe.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.config.KafkaSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad configuration fails fast, with a message that names the fix. */
final class TestPlatformErrors {
  @Test
  void missingJdkForTrinoSaysWhatToInstall(@TempDir Path emptyJvmRoot) {
    assertThatThrownBy(() -> JavaRuntimes.forTrino(Map.of(), emptyJvmRoot))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("Java 24 or newer")
        .hasMessageContaining("TRINO_JAVA_HOME");
  }

  @Test
  void tooOldTrinoJavaHomeIsRejected(@TempDir Path jdk) throws IOException {
    fakeJdk(jdk, "17.0.15");
    assertThatThrownBy(() -> JavaRuntimes.forTrino(Map.of("TRINO_JAVA_HOME", jdk.toString()), jdk))
        .hasMessageContaining("TRINO_JAVA_HOME=" + jdk)
        .hasMessageContaining("found 17");
  }

  @Test
  void picksTheNewestJdkThatCanRunTrino(@TempDir Path jvmRoot) throws IOException {
    fakeJdk(jvmRoot.resolve("openjdk-17"), "17.0.15");
    fakeJdk(jvmRoot.resolve("temurin-25"), "25.0.1");
    fakeJdk(jvmRoot.resolve("temurin-24"), "24");
    assertThat(JavaRuntimes.forTrino(Map.of(), jvmRoot)).isEqualTo(jvmRoot.resolve("temurin-25"));
  }

  @Test
  void unreachableBrokerFailsFastNamingTheAddress() {
    int closedPort = Ports.freePort();
    KafkaSettings kafka = new KafkaSettings("127.0.0.1:" + closedPort);
    long started = System.nanoTime();
    assertThatThrownBy(() -> TopicAdmin.ensureTopics(kafka, 1))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("127.0.0.1:" + closedPort);
    assertThat(System.nanoTime() - started).isLessThan(java.time.Duration.ofSeconds(30).toNanos());
  }

  @Test
  void portInUseNamesTheVariableToChange() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(() -> Ports.requireFree(taken.getLocalPort(), "Kafka", "KAFKA_PORT"))
          .hasMessageContaining("in use")
          .hasMessageContaining("KAFKA_PORT");
    }
  }

  @Test
  void badPortVariableIsRejected() {
    assertThatThrownBy(
            () -> PlatformConfig.fromEnvironment(Path.of("."), Map.of("TRINO_PORT", "eighty")))
        .hasMessageContaining("TRINO_PORT");
    assertThatThrownBy(
            () -> PlatformConfig.fromEnvironment(Path.of("."), Map.of("POSTGRES_PORT", "70000")))
        .hasMessageContaining("POSTGRES_PORT");
  }

  @Test
  void unknownLakeStorageNamesTheSettingAndTheChoices() {
    assertThatThrownBy(
            () -> PlatformConfig.fromEnvironment(Path.of("."), Map.of("LAKE_STORAGE", "gcs")))
        .hasMessageContaining("LAKE_STORAGE")
        .hasMessageContaining("file, s3");
    assertThatThrownBy(() -> PlatformConfig.fromEnvironment(Path.of("."), Map.of("S3_PORT", "0")))
        .hasMessageContaining("S3_PORT");
  }

  @Test
  void defaultsAreTheUsualPorts() {
    PlatformConfig config = PlatformConfig.fromEnvironment(Path.of("/repo"), Map.of());
    assertThat(config.postgresPort()).isEqualTo(5432);
    assertThat(config.kafkaPort()).isEqualTo(9092);
    assertThat(config.trinoPort()).isEqualTo(8080);
    assertThat(config.home()).isEqualTo(Path.of("/repo/.work/platform"));
  }

  private static void fakeJdk(Path home, String version) throws IOException {
    Files.createDirectories(home.resolve("bin"));
    Path java = Files.createFile(home.resolve("bin/java"));
    java.toFile().setExecutable(true);
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
  }
}
