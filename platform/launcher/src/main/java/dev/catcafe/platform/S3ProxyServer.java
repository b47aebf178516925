package dev.catcafe.platform;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.ObjectStoreSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The platform's S3-compatible object store: S3Proxy (Maven Central jars the {@code
 * platform/s3proxy} module copies) in its own JVM on Java 17, with its file-system back end (a
 * bucket is a directory under {@link PlatformConfig#objectStoreData}). It speaks the real S3 API
 * with AWS signatures: wrong keys and anonymous requests get 403, multipart uploads work. Bound to
 * 127.0.0.1; keys generated into the owner-only secrets file on first start.
 */
final class S3ProxyServer {
  static final String ACCESS_KEY_SECRET = "s3.access.key.id";
  static final String SECRET_KEY_SECRET = "s3.secret.access.key";

  private final PlatformConfig config;
  private final Secrets secrets;
  private final ServiceProcess process;

  S3ProxyServer(PlatformConfig config, Secrets secrets) {
    this.config = requireNonNull(config, "config is null");
    this.secrets = requireNonNull(secrets, "secrets is null");
    this.process = new ServiceProcess("s3", "The S3 object store", config);
  }

  String endpoint() {
    return "http://127.0.0.1:" + config.s3Port();
  }

  /** How clients reach the store: endpoint, region and the generated keys. */
  ObjectStoreSettings settings() {
    return new ObjectStoreSettings(
        endpoint(),
        PlatformConfig.S3_REGION,
        secrets.get(ACCESS_KEY_SECRET),
        secrets.get(SECRET_KEY_SECRET));
  }

  boolean isRunning() {
    return process.isRunning();
  }

  /** Creates the lake's bucket and starts the store; returns without waiting. */
  void start() {
    if (isRunning()) {
      return;
    }
    ServiceProcess.requireBuilt(config.s3ProxyLibs(), "S3Proxy jars");
    Ports.requireFree(config.s3Port(), "the S3 object store", "S3_PORT");
    ObjectStoreSettings store = settings();
    Path properties = writeConfiguration(store);
    process.start(
        List.of(
            KafkaBroker.javaCommand(),
            "-Xms64m",
            "-Xmx256m",
            "-XX:+UseSerialGC",
            process.marker(),
            "-Dlogback.configurationFile=" + process.directory().resolve("logback.xml"),
            "-cp",
            config.s3ProxyLibs() + "/*",
            "org.gaul.s3proxy.Main",
            "--properties",
            properties.toString()));
  }

  /**
   * Waits until the store answers HTTP: an anonymous request gets 403 from a running S3Proxy (any
   * answer means its handler is up; the bucket is a directory that exists before the start).
   */
  void awaitReady(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create(endpoint() + "/")).timeout(Duration.ofSeconds(5)).build();
    process.awaitReady(
        timeout,
        Duration.ofMillis(100),
        () -> {
          int status = client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
          return status == 403 ? Optional.empty() : Optional.of("HTTP " + status);
        });
  }

  boolean stop() {
    return process.stop(Duration.ofSeconds(15));
  }

  private Path writeConfiguration(ObjectStoreSettings store) {
    Path directory = process.directory();
    String properties =
        """
        # Written by the local platform on every start (owner-only: it holds the keys).
        s3proxy.endpoint=%s
        s3proxy.authorization=aws-v2-or-v4
        s3proxy.identity=%s
        s3proxy.credential=%s
        jclouds.provider=filesystem-nio2
        jclouds.filesystem.basedir=%s
        """
            .formatted(
                // Clients use endpoint(); the server listens on the platform's bind address.
                "http://%s:%d".formatted(config.bindHost(), config.s3Port()),
                store.accessKeyId(),
                store.secretAccessKey(),
                config.objectStoreData());
    // S3Proxy logs every request at DEBUG by default: warnings only, and its start-up line.
    String logback =
        """
        <configuration>
          <appender name="console" class="ch.qos.logback.core.ConsoleAppender">
            <encoder><pattern>%d{ISO8601} %-5level %logger{36} - %msg%n</pattern></encoder>
          </appender>
          <root level="WARN"><appender-ref ref="console"/></root>
        </configuration>
        """;
    try {
      Files.createDirectories(config.objectStoreData().resolve(PlatformConfig.LAKE_BUCKET));
      Files.createDirectories(directory);
      Files.writeString(directory.resolve("logback.xml"), logback);
      Path file = directory.resolve("s3proxy.properties");
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, properties);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
