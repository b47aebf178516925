package dev.catcafe.trino;

import static java.util.Objects.requireNonNull;

import dev.catcafe.platform.testing.Polling;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The Cat Cafe 360° dashboard as Chromium shows it: Superset's login form, then the dashboard page;
 * what counts as a rendered chart (an ECharts instance in its holder, no error alert, no "No
 * results" panel).
 */
final class DashboardPage {
  static final String SLUG = "cat-cafe-360";
  private static final By CHART_HOLDER =
      By.cssSelector("[data-test='dashboard-component-chart-holder']");
  // What a drawn chart holds: an ECharts canvas, or (the data-quality table) a table with rows.
  private static final By DRAWN = By.cssSelector("[_echarts_instance_], table tbody tr");
  private static final By ALERT = By.cssSelector("[role='alert']");
  private static final int LOGIN_ATTEMPTS = 3;

  private final WebDriver browser;
  private final String baseUrl;

  DashboardPage(WebDriver browser, String baseUrl) {
    this.browser = requireNonNull(browser, "browser is null");
    this.baseUrl = requireNonNull(baseUrl, "baseUrl is null");
  }

  /**
   * Logs in and waits for the redirect away from the form (leaving earlier cancels it). The form is
   * React's: a click that lands before its handler is attached, or a submission the busy server
   * drops, leaves the page on the form with no error, so the form is filled in again, at most three
   * times; the failure shows what the page said.
   */
  void logIn(String user, String password) {
    requireNonNull(user, "user is null");
    requireNonNull(password, "password is null");
    for (int attempt = 1; attempt <= LOGIN_ATTEMPTS; attempt++) {
      browser.get(baseUrl + "/login/");
      Polling.await(
          Duration.ofSeconds(30),
          "the login form to render",
          () -> !onTheLoginForm() || !browser.findElements(By.id("password")).isEmpty());
      if (!onTheLoginForm()) {
        return; // the previous, slow submission went through after all
      }
      browser.findElement(By.id("username")).sendKeys(user);
      browser.findElement(By.id("password")).sendKeys(password);
      browser.findElement(By.cssSelector("button[type='submit']")).click();
      if (Polling.holdsWithin(Duration.ofSeconds(40), () -> !onTheLoginForm())) {
        return;
      }
    }
    throw new AssertionError(
        "still on the login form after %d submissions; the page says: %s"
            .formatted(LOGIN_ATTEMPTS, browser.findElement(By.tagName("body")).getText()));
  }

  private boolean onTheLoginForm() {
    return browser.getCurrentUrl().contains("/login");
  }

  void open() {
    browser.get(baseUrl + "/superset/dashboard/" + SLUG + "/");
  }

  /** Chart holders showing a drawn chart and neither an error nor an empty panel. */
  int renderedCharts() {
    int rendered = 0;
    for (WebElement holder : browser.findElements(CHART_HOLDER)) {
      if (!holder.findElements(DRAWN).isEmpty()
          && holder.findElements(ALERT).isEmpty()
          && !holder.getText().contains("No results")) {
        rendered++;
      }
    }
    return rendered;
  }

  /** What is wrong on the page: each chart's error or empty-panel text, titled. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (WebElement holder : browser.findElements(CHART_HOLDER)) {
      String text = holder.getText();
      if (!holder.findElements(ALERT).isEmpty() || text.contains("No results")) {
        problems.add(text.replace('\n', ' '));
      }
    }
    return problems;
  }
}
