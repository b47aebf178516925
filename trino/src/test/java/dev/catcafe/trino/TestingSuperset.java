package dev.catcafe.trino;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catcafe.model.config.TrinoSettings;
import dev.catcafe.platform.Ports;
import dev.catcafe.platform.testing.Blocking;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real Superset run by the project's own script ({@code bin/superset}) in a home of its own, on a
 * free port, and a small client of its REST API. The script's output is kept for assertions.
 */
final class TestingSuperset {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(10);

  private final Path projectRoot;
  private final Path home;
  private final Path venv;
  private final int port;
  // SQL Lab's POSTs need the session cookie that comes with the CSRF token.
  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .cookieHandler(new CookieManager())
          .build();

  /** The output and exit code of one {@code bin/superset} command. */
  record CommandResult(int exitCode, String output) {
    CommandResult {
      requireNonNull(output, "output is null");
    }
  }

  /** An HTTP answer: status and body. */
  record Response(int status, String body) {
    Response {
      requireNonNull(body, "body is null");
    }

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (HTTP %d): %s".formatted(status, body), e);
      }
    }
  }

  TestingSuperset(Path projectRoot, Path home, Path venv) {
    this.projectRoot = requireNonNull(projectRoot, "projectRoot is null");
    this.home = requireNonNull(home, "home is null");
    this.venv = requireNonNull(venv, "venv is null");
    this.port = Ports.freePort();
  }

  int port() {
    return port;
  }

  Path home() {
    return home;
  }

  Path venv() {
    return venv;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * The platform variables bin/superset reads: where Trino listens, the lake namespace, and the
   * user Superset connects as ({@code trino}'s user, password and certificate).
   */
  void writePlatformEnv(TrinoSettings trino, int trinoPort, String lakeNamespace) {
    try {
      SupersetPlatformEnv.write(home, trino, trinoPort, lakeNamespace);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs {@code bin/superset <arguments>} with this home, port and venv. */
  CommandResult run(String... arguments) {
    List<String> command =
        new java.util.ArrayList<>(List.of(projectRoot.resolve("bin/superset").toString()));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    // Only this home's platform.env may name Trino and the namespace.
    env.keySet().removeAll(SupersetPlatformEnv.FROM_FILE_ONLY);
    env.put("CATCAFE_HOME", home.toString());
    env.put("SUPERSET_PORT", Integer.toString(port));
    env.put("SUPERSET_VENV", venv.toString());
    return Blocking.unchecked(
        () -> {
          Process process = builder.start();
          // Read everything; the background import the script may start keeps no handle on it.
          byte[] output = process.getInputStream().readAllBytes();
          if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/superset %s did not end".formatted(arguments[0]));
          }
          return new CommandResult(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        });
  }

  /** The admin password bin/superset generated into the home's owner-only secrets file. */
  String adminPassword() {
    Properties secrets = new Properties();
    try (var reader = Files.newBufferedReader(home.resolve("secrets.properties"))) {
      secrets.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return requireNonNull(secrets.getProperty("superset.admin.password"), "no admin password");
  }

  /** {@code POST /api/v1/security/login}: the answer as is (200 with a token, or 401). */
  Response login(String user, String password) {
    String body =
        JSON.createObjectNode()
            .put("username", user)
            .put("password", password)
            .put("provider", "db")
            .put("refresh", false)
            .toString();
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v1/security/login"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** An access token for the admin. */
  String adminToken() {
    Response response = login("admin", adminPassword());
    if (response.status() != 200) {
      throw new AssertionError("admin login failed: " + response);
    }
    return response.json().path("access_token").asText();
  }

  Response get(String token, String path) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .header("Authorization", "Bearer " + token));
  }

  Response send(HttpRequest.Builder request) {
    return Blocking.unchecked(
        () -> {
          HttpResponse<String> response =
              http.send(
                  request.timeout(Duration.ofMinutes(2)).build(),
                  HttpResponse.BodyHandlers.ofString());
          return new Response(response.statusCode(), response.body());
        });
  }

  /** Whether the server answers its health check now. */
  boolean answers() {
    try {
      return send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health"))).status() == 200;
    } catch (UncheckedIOException e) {
      return false;
    }
  }
}
