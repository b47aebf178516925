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
  private static final By ECHART = By.cssSelector("[_echarts_instance_]");
  private static final By ALERT = By.cssSelector("[role='alert']");

  private final WebDriver browser;
  private final String baseUrl;

  DashboardPage(WebDriver browser, String baseUrl) {
    this.browser = requireNonNull(browser, "browser is null");
    this.baseUrl = requireNonNull(baseUrl, "baseUrl is null");
  }

  /** Logs in and waits for the redirect away from the form (leaving earlier cancels it). */
  void logIn(String user, String password) {
    browser.get(baseUrl + "/login/");
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.cssSelector("button[type='submit']")).click();
    Polling.await(
        Duration.ofMinutes(1),
        "the login to redirect away from the form",
        () -> !browser.getCurrentUrl().contains("/login"));
  }

  void open() {
    browser.get(baseUrl + "/superset/dashboard/" + SLUG + "/");
  }

  /** Chart holders showing a drawn chart and neither an error nor an empty panel. */
  int renderedCharts() {
    int rendered = 0;
    for (WebElement holder : browser.findElements(CHART_HOLDER)) {
      if (!holder.findElements(ECHART).isEmpty()
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
