package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The self-hosted store's start script, run here as its pod runs it (its paths moved into a scratch
 * directory, the S3Proxy jars of the build): it creates the lake's bucket, serves it to a request
 * signed with the keys of its environment and refuses others, and keeps the secret off its command
 * line and in an owner-only file.
 */
final class TestSelfHostedObjectStoreScript {
  private static final String KEY_ID = "lake-key";
  private static final String SECRET = "lake-secret-" + System.nanoTime();
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void servesTheBucketWithTheSecretsKeysOnly(@TempDir Path scratch) throws Exception {
    Path libs = ProjectFiles.root().resolve("platform/s3proxy/target/libs");
    assertThat(libs).as("S3Proxy's jars: run 'make build' first").isDirectory();
    ClusterProfile profile = ClusterProfile.defaults();
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String script =
        SelfHostedObjectStore.startScript(profile)
            .replace("/tmp/", scratch + "/")
            .replace(SelfHostedObjectStore.DATA_DIRECTORY, scratch.resolve("data").toString())
            .replace("/opt/catcafe/s3proxy/lib", libs.toString())
            .replace("0.0.0.0:" + ClusterProfile.OBJECT_STORE_PORT, "127.0.0.1:" + port);
    ProcessBuilder builder =
        new ProcessBuilder("/bin/sh", "-c", script)
            .redirectErrorStream(true)
            .redirectOutput(scratch.resolve("store.log").toFile());
    builder.environment().put("S3_ACCESS_KEY_ID", KEY_ID);
    builder.environment().put("S3_SECRET_ACCESS_KEY", SECRET);
    Process store = builder.start();
    try {
      String bucket = profile.lakeBucket();
      HttpClient client = HttpClient.newHttpClient();
      URI bucketUri = URI.create("http://127.0.0.1:%d/%s/".formatted(port, bucket));
      int signed = awaitAnswer(client, store, signedList(bucketUri, bucket, SECRET), scratch);

      assertThat(signed).isEqualTo(200);
      assertThat(status(client, signedList(bucketUri, bucket, "not-the-secret"))).isEqualTo(403);
      assertThat(status(client, HttpRequest.newBuilder(bucketUri).build())).isEqualTo(403);
      assertThat(scratch.resolve("data").resolve(bucket)).isDirectory();
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(scratch.resolve("s3proxy.properties"))))
          .isEqualTo("rw-------");
      assertThat(store.info().commandLine().orElse("")).doesNotContain(SECRET);
    } finally {
      store.destroy();
      store.waitFor();
    }
  }

  private static int awaitAnswer(
      HttpClient client, Process store, HttpRequest request, Path scratch) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (true) {
      assertThat(store.isAlive())
          .as("the store exited: %s", Files.readString(scratch.resolve("store.log")))
          .isTrue();
      try {
        return status(client, request);
      } catch (IOException notYet) {
        assertThat(System.nanoTime()).as("answer within %s", PATIENCE).isLessThan(deadline);
      }
      try {
        store.onExit().get(100, TimeUnit.MILLISECONDS);
      } catch (TimeoutException stillRunning) {
        // Not listening yet: ask again.
      }
    }
  }

  private static int status(HttpClient client, HttpRequest request) throws Exception {
    return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** A ListObjects request signed with AWS signature version 2, which S3Proxy accepts. */
  private static HttpRequest signedList(URI bucketUri, String bucket, String secret)
      throws Exception {
    String date =
        DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .format(ZonedDateTime.now(ZoneOffset.UTC));
    String toSign = "GET\n\n\n" + date + "\n/" + bucket + "/";
    Mac mac = Mac.getInstance("HmacSHA1");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
    String signature =
        Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
    return HttpRequest.newBuilder(bucketUri)
        .header("Date", date)
        .header("Authorization", "AWS " + KEY_ID + ":" + signature)
        .build();
  }
}
