package dev.catcafe.platform.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by Debian's chromedriver on a profile of its own, for the
 * tests that look at a page as a user would. Selenium Manager is kept offline: nothing is
 * downloaded. {@link #close} quits the browser and deletes its profile.
 */
public final class HeadlessChromium implements AutoCloseable {
  private static final Path BROWSER = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

  /** Quiet and self-contained in a container as root: no sandbox, GPU, /dev/shm or updates. */
  private static final List<String> ARGUMENTS =
      List.of(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run");

  private final Path profile;
  private final WebDriver driver;

  private HeadlessChromium(Path profile, WebDriver driver) {
    this.profile = profile;
    this.driver = driver;
  }

  /**
   * Skips the calling test, as a JUnit assumption, unless Debian's {@code chromium} and {@code
   * chromium-driver} are installed ({@code make test} installs them).
   */
  public static void assumeInstalled() {
    assumeTrue(
        Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
        "browser test skipped: Debian's chromium and chromium-driver are not installed"
            + " (bin/ensure-os-packages --browser)");
  }

  /** A browser whose window is {@code width} by {@code height} pixels. */
  public static HeadlessChromium start(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "window size must be positive: %dx%d".formatted(width, height));
    }
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    System.setProperty("SE_OFFLINE", "true");
    Path profile = Blocking.unchecked(() -> Files.createTempDirectory("chromium-profile-"));
    List<String> arguments = new ArrayList<>(ARGUMENTS);
    arguments.add("--window-size=%d,%d".formatted(width, height));
    arguments.add("--user-data-dir=" + profile);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments(arguments);
    try {
      return new HeadlessChromium(profile, new ChromeDriver(options));
    } catch (RuntimeException e) {
      deleteProfile(profile);
      throw e;
    }
  }

  public WebDriver driver() {
    return driver;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteProfile(profile);
    }
  }

  private static void deleteProfile(Path profile) {
    try (Stream<Path> files = Files.walk(profile)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete the browser profile " + profile, e);
    }
  }
}
