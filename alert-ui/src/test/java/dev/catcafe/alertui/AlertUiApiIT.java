package dev.catcafe.alertui;

import static dev.catcafe.alertui.TestingCafe.get;
import static dev.catcafe.alertui.TestingCafe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catcafe.model.OperationalSchema;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The roster API, the page and its assets, and health, against real PostgreSQL and Kafka. */
@ExtendWith(LocalPlatformExtension.class)
final class AlertUiApiIT {
  private static final LocalDate FIRST_ADMISSION = LocalDate.of(2025, 1, 1);
  @AutoClose private static AlertUiApp app;

  @BeforeAll
  static void start(TestingPlatform platform) {
    PostgresSettings postgres = TestingCafe.emptyCafe(platform, "ui_api");
    KafkaSettings kafka = platform.isolatedKafka("ui-api-");
    // Eight available cats admitted on consecutive days (avail-7 newest), three adopted.
    for (int i = 0; i < 8; i++) {
      TestingCafe.insertCat(
          postgres,
          "avail-" + i,
          "Available " + i,
          "tabby",
          "short",
          i * 7,
          "available",
          FIRST_ADMISSION.plusDays(i));
    }
    for (int i = 0; i < 3; i++) {
      TestingCafe.insertCat(
          postgres,
          "adopted-" + i,
          "Adopted " + i,
          "black",
          "long",
          30,
          "adopted",
          FIRST_ADMISSION.plusDays(i));
    }
    app =
        AlertUiApp.start(
            TestingCafe.config(kafka, postgres, "ui-api-it").withAdoptionShare(0.0), new Random(1));
  }

  @Test
  void firstPageHoldsTheSixNewestAvailableCats() {
    HttpResponse<String> response = get(app.port(), "/api/cats?status=available&page=1&limit=6");

    assertServed(response, "application/json");
    JsonNode body = json(response);
    assertThat(catIds(body))
        .containsExactly("avail-7", "avail-6", "avail-5", "avail-4", "avail-3", "avail-2");
    assertThat(body.get("total").asLong()).isEqualTo(8);
    assertThat(body.get("page").asInt()).isEqualTo(1);
    assertThat(body.get("totalPages").asInt()).isEqualTo(2);
  }

  @Test
  void secondPageHoldsTheRest() {
    JsonNode body = json(get(app.port(), "/api/cats?status=available&page=2&limit=6"));

    assertThat(catIds(body)).containsExactly("avail-1", "avail-0");
    assertThat(body.get("page").asInt()).isEqualTo(2);
  }

  @Test
  void pastTheLastPageIsEmpty() {
    JsonNode body = json(get(app.port(), "/api/cats?status=available&page=5&limit=6"));

    assertThat(catIds(body)).isEmpty();
    assertThat(body.get("total").asLong()).isEqualTo(8);
  }

  @Test
  void defaultsAreAvailablePageOneOfSix() {
    JsonNode body = json(get(app.port(), "/api/cats"));

    assertThat(catIds(body)).hasSize(6).first().isEqualTo("avail-7");
  }

  @Test
  void adoptedRosterListsAdoptedCats() {
    JsonNode body = json(get(app.port(), "/api/cats?status=adopted&page=1&limit=6"));

    assertThat(catIds(body)).containsExactly("adopted-2", "adopted-1", "adopted-0");
    assertThat(body.get("totalPages").asInt()).isEqualTo(1);
  }

  @Test
  void catRowsCarryAllTenColumnsAndTheCardTexts() {
    JsonNode body = json(get(app.port(), "/api/cats?status=adopted&page=1&limit=1"));
    JsonNode cat = body.get("cats").get(0);

    List<String> fields = new ArrayList<>();
    cat.fieldNames().forEachRemaining(fields::add);
    // The table's ten columns in table order, then the two texts the card shows.
    assertThat(fields.subList(0, 10)).containsExactlyElementsOf(OperationalSchema.CATS_COLUMNS);
    assertThat(fields.subList(10, fields.size())).containsExactly("age_text", "coat_text");
    assertThat(cat.get("admitted_date").asText()).isEqualTo("2025-01-03T00:00:00");
    assertThat(cat.get("adopted_date").asText()).isEqualTo("2025-01-06T00:00:00");
    assertThat(cat.get("last_checkup_time").asText()).isEqualTo("2025-01-03T10:30:15");
    assertThat(cat.get("age").asInt()).isEqualTo(30);
    assertThat(cat.get("age_text").asText()).isEqualTo("Age 2 years, 6 months");
    assertThat(cat.get("coat_text").asText()).isEqualTo("black long coat");
    JsonNode kitten =
        json(get(app.port(), "/api/cats?status=available&page=2&limit=6")).get("cats").get(1);
    assertThat(kitten.get("age_text").asText()).isEqualTo("Kitten (<1 month)");
    assertThat(kitten.get("adopted_date").isNull()).isTrue();
  }

  @Test
  void invalidStatusIsABadRequestWithAJsonError() {
    for (String query :
        List.of(
            "status=sleeping",
            "status=available%27%20OR%20%271%27%3D%271",
            "status=",
            "status=AVAILABLE%3B%20DROP%20TABLE%20cats")) {
      HttpResponse<String> response = get(app.port(), "/api/cats?" + query);

      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(json(response).get("error").asText()).as(query).isEqualTo("Invalid status");
    }
    assertThat(json(get(app.port(), "/api/cats?status=available")).get("total").asLong())
        .isEqualTo(8);
  }

  @Test
  void badPagingIsABadRequest() {
    for (String query :
        List.of("page=0", "page=-1", "page=abc", "limit=0", "limit=1000", "limit=2.5")) {
      HttpResponse<String> response = get(app.port(), "/api/cats?status=available&" + query);

      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(json(response).get("error").asText()).as(query).isNotBlank();
    }
  }

  @Test
  void pageAndAssetsAreServedWithAContentSecurityPolicy() {
    HttpResponse<String> page = get(app.port(), "/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("The Holistic Cat Cafe", "Live Cafe Feed", "Available for Adoption")
        .doesNotContain("cdn.", "googleapis", "tailwind", "placehold.co");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(policy -> assertThat(policy).contains("default-src 'self'"));
    assertThat(get(app.port(), "/app.js").body())
        .contains("textContent")
        .doesNotContain("innerHTML");
    assertThat(get(app.port(), "/app.css").statusCode()).isEqualTo(200);
  }

  @Test
  void avatarsAreSvgPerCoat() {
    HttpResponse<String> avatar = get(app.port(), "/avatars/orange/long.svg");

    assertServed(avatar, "image/svg+xml");
    assertThat(avatar.body()).startsWith("<svg").contains("#f97316");
    assertThat(get(app.port(), "/avatars/unknown/unknown.svg").body()).contains("#cbd5e1");
  }

  @Test
  void configSaysStaffAdoptionIsOffWithoutAToken() {
    JsonNode config = json(get(app.port(), "/api/config"));

    assertThat(config.get("staffAdoption").asBoolean()).isFalse();
    assertThat(config.get("adoptionShare").asDouble()).isZero();
  }

  @Test
  void healthReportsDatabaseAndConsumer() {
    Polling.awaitAsserted(
        Duration.ofSeconds(60),
        () -> {
          HttpResponse<String> health = get(app.port(), "/health");
          assertThat(health.statusCode()).isEqualTo(200);
          assertThat(json(health).get("database").asText()).isEqualTo("ok");
          assertThat(json(health).get("consumer").asText()).isEqualTo("ok");
        });
  }

  private static List<String> catIds(JsonNode body) {
    List<String> ids = new ArrayList<>();
    body.get("cats").forEach(cat -> ids.add(cat.get("cat_id").asText()));
    return ids;
  }

  /** A 200 response whose Content-Type starts with {@code contentType}. */
  private static void assertServed(HttpResponse<String> response, String contentType) {
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith(contentType));
  }
}
