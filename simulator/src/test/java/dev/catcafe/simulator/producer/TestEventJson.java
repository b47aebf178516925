package dev.catcafe.simulator.producer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catcafe.model.event.CafeEvent;
import dev.catcafe.model.event.CafeOrder;
import dev.catcafe.model.event.CatHealthAlert;
import dev.catcafe.model.event.CatInteraction;
import dev.catcafe.model.event.CatLocation;
import dev.catcafe.model.event.CatWellness;
import dev.catcafe.model.event.OrderItem;
import dev.catcafe.model.event.VisitorCheckin;
import dev.catcafe.simulator.simulation.CafeSimulation;
import dev.catcafe.simulator.simulation.Roster;
import dev.catcafe.simulator.simulation.SimulationRules;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The hand-written JSON must be exactly Jackson's, or the lake would see two formats. */
final class TestEventJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void simulatedEventsMatchJacksonByteForByte() throws Exception {
    List<CafeEvent> events = new ArrayList<>();
    Random random = new Random(5);
    CafeSimulation simulation = new CafeSimulation(random, new SimulationRules(0.05), events::add);
    simulation.updateRoster(
        new Roster(Roster.syntheticCats(random, 60), Roster.syntheticVisitors(random, 40)));
    Instant start = Instant.parse("2025-10-07T19:24:56.123Z");
    for (int tick = 0; tick < 400; tick++) {
      simulation.tick(start.plusMillis(tick * 1001L));
    }
    assertThat(events.stream().map(CafeEvent::topic).collect(Collectors.toSet())).hasSize(5);

    EventJson json = new EventJson();
    for (CafeEvent event : events) {
      assertThat(json.toJson(event)).isEqualTo(MAPPER.writeValueAsBytes(event));
    }
  }

  @Test
  void awkwardTextIsEscapedAsJacksonDoes() throws Exception {
    String awkward = "quote\" back\\slash tab\t newline\n bell\u0007 del\u007f café 猫 end";
    List<CafeEvent> events =
        List.of(
            new VisitorCheckin(awkward, awkward),
            new CatInteraction("t", "v", awkward, "like"),
            new CatLocation("t", "c", awkward),
            new CatWellness("t", awkward, 0.01, 80, 1.0E-7),
            new CatWellness("t", "c", 10.0, 120, 123456789.125),
            new CafeOrder(
                "t", "o", "v", List.of(new OrderItem(awkward, 2), new OrderItem("latte", 1)), 0.1),
            new CatHealthAlert("t", "c", "STRESS", 0.05, 0.1, awkward, "a"));
    EventJson json = new EventJson();
    for (CafeEvent event : events) {
      assertThat(new String(json.toJson(event), StandardCharsets.UTF_8))
          .isEqualTo(new String(MAPPER.writeValueAsBytes(event), StandardCharsets.UTF_8));
    }
  }

  @Test
  void charactersBeyondTheBasicPlaneSurviveTheRoundTrip() throws Exception {
    // Jackson's byte writer escapes surrogate pairs, its string writer does not; both are valid
    // JSON for the same text, and we write the raw UTF-8.
    CafeEvent event = new CatLocation("t", "c", "window \uD83D\uDC31 perch");
    byte[] written = new EventJson().toJson(event);
    assertThat(MAPPER.readTree(written))
        .isEqualTo(MAPPER.readTree(MAPPER.writeValueAsBytes(event)));
    assertThat(MAPPER.readTree(written).get("location").asText())
        .isEqualTo("window \uD83D\uDC31 perch");
  }
}
