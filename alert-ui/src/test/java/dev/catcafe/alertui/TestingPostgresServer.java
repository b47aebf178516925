package dev.catcafe.alertui;

import dev.catcafe.model.config.PostgresSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own (Debian's binaries, a scratch data directory, a free port),
 * so the test can stop and restart it for real ({@code pg_ctl -m immediate}) without touching the
 * shared test platform's server. As root, the server commands run as the {@code postgres} user.
 */
final class TestingPostgresServer implements AutoCloseable {
  private static final String ROLE = "cafe_test";
  private final Path directory;
  private final int port;

  private TestingPostgresServer(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  static TestingPostgresServer start() {
    try {
      Path directory = Files.createTempDirectory(Path.of("/var/tmp"), "catcafe-ui-pg-");
      int port;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = socket.getLocalPort();
      }
      Files.createDirectories(directory.resolve("socket"));
      if (isRoot()) {
        run(List.of("chown", "-R", "postgres:postgres", directory.toString()));
      }
      TestingPostgresServer server = new TestingPostgresServer(directory, port);
      server.serverCommand(
          "initdb",
          "-D",
          server.data(),
          "-U",
          ROLE,
          "--auth=trust",
          "-E",
          "UTF8",
          "--locale=C.UTF-8");
      server.startServer();
      try (Connection connection = server.connect("postgres");
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE DATABASE cafe");
      }
      return server;
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }

  PostgresSettings settings() {
    return new PostgresSettings("jdbc:postgresql://127.0.0.1:%d/cafe".formatted(port), ROLE, "");
  }

  /** Kills the server the way a crash would ({@code pg_ctl stop -m immediate}). */
  void stopImmediately() {
    serverCommand("pg_ctl", "stop", "-w", "-m", "immediate", "-D", data());
  }

  void startServer() {
    serverCommand("pg_ctl", withServerOptions("start"));
  }

  /** {@code pg_ctl restart -m immediate}: every connection dies, the server comes back. */
  void restartImmediately() {
    serverCommand("pg_ctl", withServerOptions("restart", "-m", "immediate"));
  }

  /** {@code pg_ctl} arguments that start the server: waiting, logging, on this port only. */
  private String[] withServerOptions(String... action) {
    List<String> arguments = new ArrayList<>(List.of(action));
    arguments.addAll(
        List.of(
            "-w",
            "-t",
            "60",
            "-D",
            data(),
            "-l",
            directory.resolve("postgres.log").toString(),
            "-o",
            "-p %d -c listen_addresses=127.0.0.1 -k %s"
                .formatted(port, directory.resolve("socket"))));
    return arguments.toArray(String[]::new);
  }

  private Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:%d/%s".formatted(port, database), ROLE, "");
  }

  private String data() {
    return directory.resolve("data").toString();
  }

  private static Path binaries() throws IOException {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .map(version -> version.resolve("bin"))
          .filter(bin -> Files.isExecutable(bin.resolve("pg_ctl")))
          .max(Comparator.naturalOrder())
          .orElseThrow(() -> new IllegalStateException("no PostgreSQL under /usr/lib/postgresql"));
    }
  }

  private void serverCommand(String program, String... arguments) {
    try {
      List<String> command = new ArrayList<>();
      if (isRoot()) {
        command.addAll(List.of("runuser", "-u", "postgres", "--"));
      }
      command.add(binaries().resolve(program).toString());
      command.addAll(List.of(arguments));
      run(command);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  private static void run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes());
      if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("%s failed: %s".formatted(command, output));
      }
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  @Override
  public void close() {
    try {
      stopImmediately();
    } catch (RuntimeException alreadyStopped) {
      // stopped by the test
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }
}
