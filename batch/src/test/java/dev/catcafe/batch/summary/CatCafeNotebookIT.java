package dev.catcafe.batch.summary;

import static dev.catcafe.model.config.CatalogType.JDBC;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.batch.schedule.BatchProcesses.Outcome;
import dev.catcafe.platform.Ports;
import dev.catcafe.platform.testing.Blocking;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import dev.catcafe.spark.testing.TestingCatalogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The analysts' notebook and its server, real end to end: the venv that {@code bin/notebook}
 * installs from the pins, {@code notebooks/cat_cafe_lakehouse.ipynb} executed cell by cell by
 * nbclient on the lake's PySpark kernel against the platform (its own namespace, cats and events
 * written here), and JupyterHub started on a free port, spawning the user's JupyterLab.
 *
 * <p>Lives in the batch module because the notebook's ETL step is this module's {@link
 * DailyCatSummaryJob}: its kernel runs the module's runnable layout ({@code batch/target/dist}),
 * and the test compares the notebook's summary with the job's rows through the module's fixtures.
 */
@ExtendWith(LocalPlatformExtension.class)
final class CatCafeNotebookIT {
  private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(15);
  private static final String RUN_ID = UUID.randomUUID().toString().substring(0, 8);
  private static final String NAMESPACE = "it_notebook";

  @AutoClose private static NotebookLake lake;

  /** {@code bin/notebook install} of a venv that was missing or broken, and the one after it. */
  private static Outcome install;

  private static Outcome reinstall;

  @BeforeAll
  static void installJupyterAndWriteTheLake() throws SQLException {
    // The one install the notebook needs also proves a broken or missing venv is rebuilt (a whole
    // install takes minutes, so the class pays for one): on a fresh checkout (CI) the venv is
    // missing; where it exists, a package is deleted first, which only the import check notices
    // (the stamp of the pins still matches).
    if (Files.isDirectory(TestingJupyter.VENV)) {
      Path trino = sitePackages().resolve("trino");
      assertThat(trino).isDirectory();
      deleteRecursively(trino);
    }
    install = TestingJupyter.notebookCommand(Map.of(), INSTALL_TIMEOUT, "install");
    assertThat(install.exitStatus()).as(install.toString()).isZero();
    System.out.println("bin/notebook install: " + install.stdout().strip());
    reinstall = TestingJupyter.notebookCommand(Map.of(), INSTALL_TIMEOUT, "install");

    lake =
        NotebookLake.write(
            TestingPlatform.shared(),
            TestingCatalogs.onPlatform(JDBC, TestingPlatform.shared(), NAMESPACE),
            RUN_ID);
  }

  @Test
  void everyCellRunsOnTheKernelAndTheEtlCellMatchesTheJavaJob(TestingPlatform platform)
      throws IOException {
    lake.runNotebook(platform);
  }

  @Test
  void theHubServesTheUsersLabOnAFreePortRefusesAWrongPasswordAndComesBackAfterACrash(
      TestingPlatform platform) throws Exception {
    Path home = platform.scratchDirectory("jupyter-home");
    int port = Ports.freePort();
    Map<String, String> environment =
        new LinkedHashMap<>(
            platform.environment(platform.kafka(), lake.postgres(), lake.catalog()));
    environment.put("CATCAFE_HOME", home.toString());
    environment.put("CATCAFE_ENV_FILE", "/dev/null");
    environment.put("NOTEBOOK_PORT", Integer.toString(port));
    URI base = URI.create("http://127.0.0.1:%d".formatted(port));
    try {
      Outcome start = TestingJupyter.notebookCommand(environment, INSTALL_TIMEOUT, "start");
      assertThat(start.exitStatus()).as(start.toString()).isZero();
      assertThat(start.stdout()).contains(base.toString()).contains("user cafe");
      Path secrets = home.resolve("secrets.properties");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets)))
          .isEqualTo("rw-------");
      Properties properties = new Properties();
      try (var reader = Files.newBufferedReader(secrets)) {
        properties.load(reader);
      }
      String password = properties.getProperty("jupyter.password");
      assertThat(password).hasSizeGreaterThanOrEqualTo(20);

      HttpClient browser =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NORMAL)
              // Plain HTTP/1.1: the proxy closes a connection that asks to upgrade to HTTP/2.
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      // A wrong password and a wrong API token are refused.
      assertThat(logIn(browser, base, "cafe", password + "x").statusCode()).isEqualTo(403);
      HttpResponse<String> badToken =
          browser.send(
              HttpRequest.newBuilder(base.resolve("/hub/api/users"))
                  .header("Authorization", "token not-a-token")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(badToken.statusCode()).isIn(401, 403);

      // The right one: the hub spawns the user's JupyterLab on the lake's kernel.
      assertThat(logIn(browser, base, "cafe", password).statusCode()).isEqualTo(200);
      Polling.awaitAsserted(
          Duration.ofMinutes(2),
          () -> {
            HttpResponse<String> lab = get(browser, base.resolve("/user/cafe/lab"));
            assertThat(lab.statusCode()).isEqualTo(200);
            assertThat(lab.uri().getPath()).startsWith("/user/cafe/lab");
          });
      HttpResponse<String> status = get(browser, base.resolve("/user/cafe/api/status"));
      assertThat(status.statusCode()).isEqualTo(200);
      assertThat(status.body()).contains("\"kernels\"");
      HttpResponse<String> kernels = get(browser, base.resolve("/user/cafe/api/kernelspecs"));
      assertThat(kernels.body()).contains("PySpark 4.1.3, cat cafe lake");
      HttpResponse<String> notebookFile =
          get(browser, base.resolve("/user/cafe/api/contents/cat_cafe_lakehouse.ipynb"));
      assertThat(notebookFile.statusCode()).isEqualTo(200);

      // A hub killed outright (a crash, the OOM killer) is brought back by its supervisor, and
      // the user gets the lab again in the same session (the cookie secret is kept on disk).
      long supervisor = Long.parseLong(Files.readString(home.resolve("run/jupyter.pid")).strip());
      ProcessHandle hub =
          ProcessHandle.of(supervisor).orElseThrow().children().findFirst().orElseThrow();
      hub.destroyForcibly();
      Polling.await(Duration.ofSeconds(30), "the killed hub to end", () -> !hub.isAlive());
      Polling.awaitAsserted(
          Duration.ofMinutes(2),
          () -> {
            try {
              // The proxy and the user's server outlive the hub: only the hub's API tells.
              assertThat(get(browser, base.resolve("/hub/api/")).statusCode()).isEqualTo(200);
              HttpResponse<String> lab = get(browser, base.resolve("/user/cafe/lab"));
              assertThat(lab.statusCode()).isEqualTo(200);
              assertThat(lab.uri().getPath()).startsWith("/user/cafe/lab");
            } catch (UncheckedIOException notBackYet) { // refused while the hub restarts
              throw new AssertionError("the lab is not back: " + notBackYet, notBackYet);
            }
          });
      Outcome afterCrash =
          TestingJupyter.notebookCommand(environment, Duration.ofMinutes(1), "status");
      assertThat(afterCrash.stdout()).contains("jupyterhub running (restarts 1)");
    } finally {
      Outcome stop = TestingJupyter.notebookCommand(environment, Duration.ofMinutes(1), "stop");
      assertThat(stop.exitStatus()).as(stop.toString()).isZero();
    }
    assertThat(home.resolve("run/jupyter.pid")).doesNotExist();
    Polling.await(Duration.ofSeconds(30), "port %d free".formatted(port), () -> isFree(port));
    // Nothing the hub started (proxy, the user's JupyterLab, kernels) outlives the stop.
    Polling.awaitAsserted(
        Duration.ofSeconds(30), () -> assertThat(processesWithHome(home)).isEmpty());
  }

  /** The live processes whose environment has {@code CATCAFE_HOME=home}, with their commands. */
  private static List<String> processesWithHome(Path home) {
    String variable = "CATCAFE_HOME=" + home;
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .filter(process -> environment(process.pid()).contains(variable))
        .map(process -> process.pid() + " " + process.info().commandLine().orElse("?"))
        .toList();
  }

  private static List<String> environment(long pid) {
    try {
      return List.of(Files.readString(Path.of("/proc", Long.toString(pid), "environ")).split("\0"));
    } catch (IOException | UncheckedIOException gone) {
      return List.of(); // ended meanwhile, or not ours to read
    }
  }

  @Test
  void aBrokenOrMissingVenvIsRebuiltAndASoundOneKept() {
    assertThat(install.exitStatus()).as(install.toString()).isZero();
    assertThat(install.stdout()).contains("Installing Jupyter").contains("Jupyter installed in");
    assertThat(sitePackages().resolve("trino")).isDirectory();
    assertThat(reinstall.exitStatus()).as(reinstall.toString()).isZero();
    assertThat(reinstall.stdout()).doesNotContain("Installing");
  }

  /** The venv's site-packages ({@code lib/python3.N/site-packages}, N of the machine's Python). */
  private static Path sitePackages() {
    try (var versions = Files.list(TestingJupyter.VENV.resolve("lib"))) {
      return versions
          .map(version -> version.resolve("site-packages"))
          .filter(Files::isDirectory)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no site-packages in " + TestingJupyter.VENV));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpResponse<String> logIn(
      HttpClient browser, URI base, String user, String password) throws Exception {
    get(browser, base.resolve("/hub/login")); // sets the _xsrf cookie the form must echo
    String xsrf =
        ((CookieManager) browser.cookieHandler().orElseThrow())
            .getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("_xsrf"))
                .findFirst()
                .orElseThrow()
                .getValue();
    String form =
        "username=%s&password=%s&_xsrf=%s".formatted(encode(user), encode(password), encode(xsrf));
    return browser.send(
        HttpRequest.newBuilder(base.resolve("/hub/login"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(HttpClient browser, URI uri) {
    return Blocking.unchecked(
        () ->
            browser.send(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static boolean isFree(int port) {
    try {
      new ServerSocket(port).close();
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void deleteRecursively(Path directory) {
    try (var paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
