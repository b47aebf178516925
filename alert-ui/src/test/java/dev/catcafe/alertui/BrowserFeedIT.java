package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.testing.HeadlessChromium;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * End to end in headless Chromium: the page shows the rosters, alerts produced into Kafka appear as
 * feed cards within seconds, and a written-back adoption moves the cat between rosters. Saves
 * {@code target/alert-ui-e2e.png}.
 */
@ExtendWith(LocalPlatformExtension.class)
final class BrowserFeedIT {
  private static final Duration FEW_SECONDS = Duration.ofSeconds(10);
  private static final String ADOPTEE = "browser-adoptee";

  private static PostgresSettings postgres;
  private static KafkaSettings kafka;
  @AutoClose private static AlertUiApp app;
  @AutoClose private static KafkaProducer<String, String> producer;
  @AutoClose private static HeadlessChromium chromium;
  private static WebDriver browser;

  @BeforeAll
  static void start(TestingPlatform platform) throws IOException {
    HeadlessChromium.assumeInstalled();
    postgres = TestingCafe.emptyCafe(platform, "ui_browser");
    kafka = platform.isolatedKafka("ui-browser-");
    String[][] cats = {
      {"browser-1", "Mochi", "orange", "short"},
      {"browser-2", "Pepper", "black", "medium"},
      {"browser-3", "<b>Bold</b>", "white", "long"},
      {"browser-4", "Tiger", "tabby", "short"},
      {"browser-5", "Patches", "calico", "long"},
      {"browser-6", "Smokey", "gray", "medium"},
      {"browser-7", "Snowball", "white", "short"},
      {ADOPTEE, "Biscuit", "tabby", "long"},
    };
    for (int i = 0; i < cats.length; i++) {
      TestingCafe.insertCat(
          postgres,
          cats[i][0],
          cats[i][1],
          cats[i][2],
          cats[i][3],
          i * 5,
          "available",
          LocalDate.of(2025, 7, 1).plusDays(i));
    }
    TestingCafe.insertCat(
        postgres,
        "browser-old",
        "Old Tom",
        "gray",
        "short",
        150,
        "adopted",
        LocalDate.of(2024, 1, 1));
    TestingCafe.insertVisitor(postgres, "browser-visitor", "Ada Lovelace");
    app =
        TestingCafe.startAssigned(
            TestingCafe.config(kafka, postgres, "ui-browser-it").withAdoptionShare(1.0), 5);
    producer = TestingCafe.producer(kafka);

    chromium = HeadlessChromium.start(1400, 1000);
    browser = chromium.driver();
  }

  @Test
  void alertsAppearAndAnAdoptedCatMovesToAdopted() throws IOException {
    browser.get("http://127.0.0.1:%d/".formatted(app.port()));
    Polling.awaitAsserted(
        FEW_SECONDS,
        () -> {
          assertThat(text(By.id("connection-text"))).isEqualTo("Live");
          assertThat(catNames("available-grid")).hasSize(6).contains("Biscuit");
          assertThat(catNames("adopted-grid")).containsExactly("Old Tom");
          assertThat(text(By.id("available-page"))).isEqualTo("Page 1 of 2");
        });
    assertThat(browser.findElements(By.id("feed-placeholder"))).hasSize(1);
    assertThat(cardText("browser-3"))
        .contains("<b>Bold</b>", "Age 0 years, 10 months", "white long coat");
    assertThat(cardText("browser-7"))
        .contains("Snowball", "Age 2 years, 6 months", "white short coat");

    TestingCafe.send(producer, kafka, TestingCafe.dehydration("browser-h1", "browser-3"));
    TestingCafe.send(
        producer, kafka, TestingCafe.adopter("browser-a1", "browser-visitor", List.of(ADOPTEE)));

    Polling.awaitAsserted(
        FEW_SECONDS,
        () -> {
          assertThat(feedTexts("health"))
              .containsExactly("Health Alert for <b>Bold</b>: DEHYDRATION warning.");
          assertThat(feedTexts("adopter"))
              .containsExactly("Potential adopter detected: Ada has liked 1 cats.");
        });
    assertThat(browser.findElements(By.id("feed-placeholder"))).isEmpty();
    // The name stayed text: no <b> element was created from it.
    assertThat(browser.findElements(By.cssSelector("#feed b, .grid b"))).isEmpty();

    Polling.awaitAsserted(
        FEW_SECONDS,
        () -> {
          assertThat(feedTexts("status"))
              .containsExactly("Biscuit has found a new home! The roster is updating.");
          assertThat(catNames("adopted-grid")).contains("Biscuit", "Old Tom");
          assertThat(catNames("available-grid")).doesNotContain("Biscuit");
        });
    assertThat(TestingCafe.catStatus(postgres, ADOPTEE)).contains("adopted+dated");

    browser.findElement(By.cssSelector("button[data-filter='health']")).click();
    Polling.awaitAsserted(
        FEW_SECONDS,
        () -> {
          assertThat(visibleFeedCards())
              .extracting(card -> card.getAttribute("data-type"))
              .containsExactlyInAnyOrder("health", "status");
        });
    browser.findElement(By.cssSelector("button[data-filter='all']")).click();
    Polling.awaitAsserted(FEW_SECONDS, () -> assertThat(visibleFeedCards()).hasSize(3));

    Path screenshot = Path.of("target", "alert-ui-e2e.png");
    Files.createDirectories(screenshot.getParent());
    Files.copy(
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(),
        screenshot,
        StandardCopyOption.REPLACE_EXISTING);
    assertThat(Files.size(screenshot)).isPositive();
  }

  private static String text(By locator) {
    return browser.findElement(locator).getText();
  }

  private static List<String> catNames(String gridId) {
    return browser.findElements(By.cssSelector("#" + gridId + " .cat-name")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static String cardText(String catId) {
    return browser.findElement(By.cssSelector(".cat-card[data-cat-id='" + catId + "']")).getText();
  }

  private static List<String> feedTexts(String type) {
    return browser.findElements(By.cssSelector(".feed-card." + type + " .feed-text")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static List<WebElement> visibleFeedCards() {
    return browser.findElements(By.cssSelector(".feed-card")).stream()
        .filter(WebElement::isDisplayed)
        .toList();
  }
}
