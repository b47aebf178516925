package dev.catcafe.alertui;

import static dev.catcafe.alertui.TestingCafe.json;
import static dev.catcafe.alertui.TestingCafe.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.platform.testing.LocalPlatformExtension;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.platform.testing.TestingPlatform;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The staff Adopt endpoint: only with the configured token, and not at all without one. */
@ExtendWith(LocalPlatformExtension.class)
final class StaffAdoptionIT {
  private static final String TOKEN = "staff-secret-42";
  private static PostgresSettings postgres;
  @AutoClose private static AlertUiApp withToken;
  @AutoClose private static AlertUiApp withoutToken;

  @BeforeAll
  static void start(TestingPlatform platform) {
    postgres = TestingCafe.emptyCafe(platform, "ui_staff");
    KafkaSettings kafka = platform.isolatedKafka("ui-staff-");
    for (String catId : new String[] {"staff-1", "staff-2", "staff-3"}) {
      TestingCafe.insertAvailableCat(
          postgres, catId, "orange", "short", 9, LocalDate.of(2025, 6, 1));
    }
    withToken = TestingCafe.startForStaff(kafka, postgres, "ui-staff-a", StaffToken.of(TOKEN));
    withoutToken = TestingCafe.startForStaff(kafka, postgres, "ui-staff-b", StaffToken.disabled());
  }

  @Test
  void theRightTokenAdoptsAndAnnounces() {
    try (FeedClient client = TestingCafe.feed(withToken)) {
      HttpResponse<String> response =
          post(withToken.port(), "/api/cats/staff-1/adopt", Optional.of(TOKEN));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(json(response).get("status").asText()).isEqualTo("adopted");
      assertThat(json(response).get("cat_name").asText()).isEqualTo("Cat staff-1");
      assertThat(TestingCafe.catStatus(postgres, "staff-1")).contains("adopted+dated");
      Polling.awaitAsserted(
          Duration.ofSeconds(10),
          () ->
              assertThat(client.texts())
                  .anySatisfy(
                      text -> {
                        JsonNode message = json(text);
                        assertThat(message.get("type").asText()).isEqualTo("cat_status_update");
                        assertThat(message.get("data").get("cat_id").asText()).isEqualTo("staff-1");
                      }));

      HttpResponse<String> again =
          post(withToken.port(), "/api/cats/staff-1/adopt", Optional.of(TOKEN));
      assertThat(again.statusCode()).isEqualTo(409);
      assertThat(json(again).get("error").asText()).isNotBlank();
    }
  }

  @Test
  void aMissingOrWrongTokenIsRefused() {
    for (Optional<String> token :
        List.of(
            Optional.<String>empty(),
            Optional.of(""),
            Optional.of("staff-secret-4"),
            Optional.of(TOKEN + "x"))) {
      HttpResponse<String> response = post(withToken.port(), "/api/cats/staff-2/adopt", token);

      assertThat(response.statusCode()).as(token.toString()).isEqualTo(403);
      assertThat(json(response).get("error").asText()).isEqualTo("invalid staff token");
    }
    assertThat(TestingCafe.catStatus(postgres, "staff-2")).contains("available");
  }

  @Test
  void unknownAndMalformedCatsAreReported() {
    assertThat(
            post(withToken.port(), "/api/cats/no-such-cat/adopt", Optional.of(TOKEN)).statusCode())
        .isEqualTo(404);
    assertThat(
            post(withToken.port(), "/api/cats/" + "x".repeat(60) + "/adopt", Optional.of(TOKEN))
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void withoutAConfiguredTokenTheButtonIsHiddenAndTheEndpointRefuses() {
    assertThat(
            json(TestingCafe.get(withoutToken.port(), "/api/config"))
                .get("staffAdoption")
                .asBoolean())
        .isFalse();
    assertThat(
            json(TestingCafe.get(withToken.port(), "/api/config")).get("staffAdoption").asBoolean())
        .isTrue();

    for (Optional<String> token : List.of(Optional.<String>empty(), Optional.of(TOKEN))) {
      HttpResponse<String> response = post(withoutToken.port(), "/api/cats/staff-3/adopt", token);

      assertThat(response.statusCode()).isEqualTo(403);
      assertThat(json(response).get("error").asText()).isEqualTo("staff adoption is disabled");
    }
    assertThat(TestingCafe.catStatus(postgres, "staff-3")).contains("available");
  }
}
