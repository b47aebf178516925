package dev.catcafe.spark.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.deploy.history.HistoryServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real History Server listens where {@code --bind-address} says: Spark itself would take every
 * interface, since only {@code SPARK_LOCAL_IP} moves it.
 */
final class TestHistoryServerBind {
  /** 127.0.0.1, and ::ffff:127.0.0.1 (Java's dual-stack socket), as /proc/net prints them. */
  private static final List<String> LOOPBACK =
      List.of("0100007F", "0000000000000000FFFF00000100007F");

  private static final String LISTEN = "0A";

  @Test
  void servesOnTheLoopbackAddressOnly(@TempDir Path events) throws Exception {
    HistoryServer server =
        HistoryServerLauncher.start(
            new HistoryServerSettings(
                events.toString(),
                "127.0.0.1",
                0,
                Duration.ofDays(7),
                Duration.ofSeconds(10),
                2,
                Optional.empty()));
    try {
      int port = server.boundPort();
      HttpResponse<String> version =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:%d/api/v1/version".formatted(port)))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(version.statusCode()).isEqualTo(200);
      assertThat(version.body()).contains("\"spark\"");

      // What the kernel says the server listens on (Linux, as the platform): loopback only.
      assertThat(listeningAddresses(port)).isNotEmpty().isSubsetOf(LOOPBACK);
    } finally {
      server.stop();
    }
  }

  /**
   * The local addresses of the sockets listening on {@code port}, as {@code /proc/net/tcp} and
   * {@code tcp6} print them (hexadecimal, in the kernel's word order).
   */
  private static List<String> listeningAddresses(int port) throws IOException {
    String hexPort = "%04X".formatted(port);
    List<String> addresses = new ArrayList<>();
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      List<String> lines = Files.readAllLines(Path.of(table));
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.strip().split("\\s+");
        String[] local = fields[1].split(":");
        if (local[1].equals(hexPort) && fields[3].equals(LISTEN)) {
          addresses.add(local[0]);
        }
      }
    }
    return addresses;
  }
}
