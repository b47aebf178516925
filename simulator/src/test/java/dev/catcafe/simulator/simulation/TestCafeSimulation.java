package dev.catcafe.simulator.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.catcafe.model.CafeLocation;
import dev.catcafe.model.CatArchetype;
import dev.catcafe.model.EventTimes;
import dev.catcafe.model.MenuItem;
import dev.catcafe.model.VisitorArchetype;
import dev.catcafe.model.WireName;
import dev.catcafe.model.event.CafeEvent;
import dev.catcafe.model.event.CafeOrder;
import dev.catcafe.model.event.CatInteraction;
import dev.catcafe.model.event.CatLocation;
import dev.catcafe.model.event.CatWellness;
import dev.catcafe.model.event.OrderItem;
import dev.catcafe.model.event.VisitorCheckin;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class TestCafeSimulation {
  private static final Instant START = Instant.parse("2025-10-07T19:24:56.123Z");

  private final List<CafeEvent> events = new ArrayList<>();

  @Test
  void everyAvailableCatReportsWellnessEachTickAndItsLocationOneTickInFive() {
    CafeSimulation simulation = simulation(1, SimulationRules.ORIGINAL);
    simulation.updateRoster(new Roster(cats(10), List.of()));
    run(simulation, 200);

    Map<String, Long> readingsPerCat =
        of(CatWellness.class).stream()
            .collect(Collectors.groupingBy(CatWellness::catId, Collectors.counting()));
    assertThat(readingsPerCat)
        .hasSize(40)
        .allSatisfy((cat, count) -> assertThat(count).isEqualTo(200));
    assertThat(of(CatLocation.class).size() / 8000.0).isCloseTo(0.2, within(0.02));
    Set<String> locations =
        Arrays.stream(CafeLocation.values()).map(WireName::wireName).collect(Collectors.toSet());
    assertThat(of(CatLocation.class)).allSatisfy(l -> assertThat(locations).contains(l.location()));
  }

  @Test
  void wellnessReadingsFollowTheArchetypeRanges() {
    Map<String, CatArchetype> archetypes = runFiveCatsPerArchetype(2, 0.0, 500);
    assertThat(of(CatWellness.class))
        .allSatisfy(
            reading -> {
              double[] activity = activityRange(archetypes.get(reading.catId()));
              assertThat(reading.activityLevel()).isBetween(activity[0], activity[1]);
              assertThat(reading.heartRate()).isBetween(80, 120);
              assertThat(reading.hoursSinceLastDrink()).isBetween(0.5, 3.9);
              assertTwoDecimals(reading.activityLevel());
              assertTwoDecimals(reading.hoursSinceLastDrink());
            });
    assertThat(of(CatWellness.class).stream().mapToInt(CatWellness::heartRate).distinct().count())
        .isEqualTo(41);
  }

  @Test
  void raisedAnomalyRateDehydratesSeniorsAndStressesShyCatsPastTheAlertThresholds() {
    Map<String, CatArchetype> archetypes = runFiveCatsPerArchetype(3, 1.0, 100);
    List<CatWellness> readings = of(CatWellness.class);
    assertThat(readings)
        .filteredOn(reading -> archetypes.get(reading.catId()) == CatArchetype.SHY)
        .hasSize(500)
        .allSatisfy(reading -> assertThat(reading.activityLevel()).isBetween(0.01, 0.09));
    assertThat(readings)
        .filteredOn(reading -> archetypes.get(reading.catId()) == CatArchetype.SLEEPY_SENIOR)
        .hasSize(500)
        .allSatisfy(reading -> assertThat(reading.hoursSinceLastDrink()).isBetween(4.01, 6.0));
    assertThat(readings)
        .filteredOn(reading -> archetypes.get(reading.catId()) == CatArchetype.STANDARD)
        .allSatisfy(reading -> assertThat(reading.hoursSinceLastDrink()).isLessThan(4.0));
  }

  @Test
  void atTheOriginalRateAnomaliesAreRare() {
    CafeSimulation simulation = simulation(4, SimulationRules.ORIGINAL);
    simulation.updateRoster(new Roster(cats(50), List.of()));
    run(simulation, 500);
    long anomalies =
        of(CatWellness.class).stream()
            .filter(r -> r.activityLevel() < 0.1 || r.hoursSinceLastDrink() > 4.0)
            .count();
    // 50,000 shy and senior readings at 0.0002: about 10 expected.
    assertThat(anomalies).isBetween(1L, 30L);
  }

  @Test
  void aVisitorArrivesAboutOneTickInTen() {
    CafeSimulation simulation = simulation(5, SimulationRules.ORIGINAL);
    simulation.updateRoster(new Roster(List.of(), visitors(VisitorArchetype.CASUAL_VISITOR, 1000)));
    run(simulation, 5000);
    assertThat(of(VisitorCheckin.class).size() / 5000.0).isCloseTo(0.1, within(0.015));
  }

  @Test
  void aPotentialAdopterLikesExactlyFourDifferentCatsAndOrdersOnceSmall() {
    CafeSimulation simulation = simulation(6, SimulationRules.ORIGINAL);
    simulation.updateRoster(new Roster(cats(3), visitors(VisitorArchetype.POTENTIAL_ADOPTER, 1)));
    run(simulation, 3000);

    List<List<CafeEvent>> visits = completeVisits();
    assertThat(visits).hasSizeGreaterThan(30);
    for (List<CafeEvent> visit : visits) {
      List<CatInteraction> likes = interactions(visit, "like");
      assertThat(likes).hasSize(4);
      assertThat(likes.stream().map(CatInteraction::catId).distinct()).hasSize(4);
      List<CafeOrder> orders = ofType(visit, CafeOrder.class);
      assertThat(orders).hasSize(1);
      assertOrder(orders.get(0), 1, 3, 1);
      assertThat(ofType(visit, CatInteraction.class))
          .extracting(CatInteraction::interactionType)
          .isSubsetOf("pet", "play", "feed", "photo", "like");
    }
  }

  @Test
  void aVisitorAlreadyInTheCafeKeepsTheirSession() {
    CafeSimulation simulation = simulation(7, SimulationRules.ORIGINAL);
    simulation.updateRoster(new Roster(cats(1), visitors(VisitorArchetype.CAT_LOVER, 1)));
    Integer previous = null;
    int sessions = 0;
    for (int tick = 0; tick < 3000; tick++) {
      simulation.tick(START.plusSeconds(tick));
      Integer remaining = simulation.activeSessions().values().stream().findFirst().orElse(null);
      if (remaining != null && previous != null) {
        assertThat(remaining).as("ticks left after tick %d", tick).isEqualTo(previous - 1);
      }
      if (remaining != null && previous == null) {
        sessions++;
      }
      previous = remaining;
    }
    assertThat(of(VisitorCheckin.class)).hasSize(sessions);
    assertThat(sessions).isGreaterThan(20);
  }

  @Test
  void aFamilyOrdersOnceLargeOnItsFourthTickAndPetsKittens() {
    CafeSimulation simulation = simulation(8, SimulationRules.ORIGINAL);
    List<SimulatedCat> cats = cats(3);
    simulation.updateRoster(new Roster(cats, visitors(VisitorArchetype.FAMILY, 1)));
    List<Integer> orderTicks = new ArrayList<>();
    int checkinTick = -1;
    for (int tick = 0; tick < 4000; tick++) {
      int before = events.size();
      simulation.tick(START.plusSeconds(tick));
      for (CafeEvent event : events.subList(before, events.size())) {
        if (event instanceof VisitorCheckin) {
          checkinTick = tick;
        } else if (event instanceof CafeOrder order) {
          orderTicks.add(tick - checkinTick);
          assertOrder(order, 4, 8, 2);
        }
      }
    }
    // The arrival tick is the first processed one; "ticks left < length - 3" first holds on the
    // 4th.
    assertThat(orderTicks).hasSizeGreaterThan(20).containsOnly(3);
    Set<String> kittens =
        cats.stream()
            .filter(cat -> cat.archetype() == CatArchetype.SOCIAL_KITTEN)
            .map(SimulatedCat::catId)
            .collect(Collectors.toSet());
    assertThat(interactions(events, "pet"))
        .isNotEmpty()
        .allSatisfy(pet -> assertThat(kittens).contains(pet.catId()));
    for (List<CafeEvent> visit : completeVisits()) {
      assertThat(ofType(visit, CafeOrder.class)).hasSize(1);
    }
  }

  @Test
  void aCatLoverPetsShyAndSeniorCatsOrdersMediumAndLikesAtMostOnce() {
    CafeSimulation simulation = simulation(9, SimulationRules.ORIGINAL);
    List<SimulatedCat> cats = cats(3);
    simulation.updateRoster(new Roster(cats, visitors(VisitorArchetype.CAT_LOVER, 1)));
    run(simulation, 4000);
    Set<String> favourites =
        cats.stream()
            .filter(
                cat ->
                    cat.archetype() == CatArchetype.SHY
                        || cat.archetype() == CatArchetype.SLEEPY_SENIOR)
            .map(SimulatedCat::catId)
            .collect(Collectors.toSet());
    assertThat(interactions(events, "pet"))
        .isNotEmpty()
        .allSatisfy(pet -> assertThat(favourites).contains(pet.catId()));
    List<List<CafeEvent>> visits = completeVisits();
    assertThat(visits).hasSizeGreaterThan(20);
    for (List<CafeEvent> visit : visits) {
      assertThat(interactions(visit, "like")).hasSizeLessThanOrEqualTo(1);
      List<CafeOrder> orders = ofType(visit, CafeOrder.class);
      assertThat(orders).hasSize(1);
      assertOrder(orders.get(0), 2, 5, 1);
    }
    assertThat(visits.stream().filter(visit -> interactions(visit, "like").size() == 1).count())
        .isGreaterThan(visits.size() / 2);
  }

  @Test
  void aCasualVisitorOrdersAtMostOnceAndInteractsWithoutFeeding() {
    CafeSimulation simulation = simulation(10, SimulationRules.ORIGINAL);
    simulation.updateRoster(new Roster(cats(3), visitors(VisitorArchetype.CASUAL_VISITOR, 1)));
    run(simulation, 4000);
    for (List<CafeEvent> visit : completeVisits()) {
      assertThat(ofType(visit, CafeOrder.class)).hasSizeLessThanOrEqualTo(1);
    }
    assertThat(of(CatInteraction.class))
        .extracting(CatInteraction::interactionType)
        .isSubsetOf("pet", "play", "photo", "like")
        .contains("pet", "play", "photo", "like");
  }

  @Test
  void anAdoptedCatStopsReportingOnceTheRosterNoLongerHasIt() {
    CafeSimulation simulation = simulation(11, SimulationRules.ORIGINAL);
    List<SimulatedCat> cats = cats(2);
    List<SimulatedVisitor> visitors = visitors(VisitorArchetype.POTENTIAL_ADOPTER, 20);
    simulation.updateRoster(new Roster(cats, visitors));
    run(simulation, 50);
    String adopted = cats.get(0).catId();
    assertThat(events).anyMatch(event -> mentions(event, adopted));

    events.clear();
    simulation.updateRoster(new Roster(cats.subList(1, cats.size()), visitors));
    run(simulation, 500);
    assertThat(events).noneMatch(event -> mentions(event, adopted));
    assertThat(of(CatWellness.class)).hasSize(7 * 500);
  }

  @Test
  void withoutCatsVisitorsStillComeAndOrder() {
    CafeSimulation simulation = simulation(12, SimulationRules.ORIGINAL);
    simulation.updateRoster(new Roster(List.of(), visitors(VisitorArchetype.CAT_LOVER, 10)));
    run(simulation, 500);
    assertThat(of(VisitorCheckin.class)).isNotEmpty();
    assertThat(of(CafeOrder.class)).isNotEmpty();
    assertThat(of(CatInteraction.class)).isEmpty();
    assertThat(of(CatWellness.class)).isEmpty();
  }

  @Test
  void everyEventCarriesItsTicksTime() {
    CafeSimulation simulation = simulation(13, SimulationRules.ORIGINAL);
    simulation.updateRoster(new Roster(cats(2), visitors(VisitorArchetype.POTENTIAL_ADOPTER, 5)));
    Instant now = START.plus(Duration.ofMillis(7));
    simulation.tick(now);
    assertThat(events)
        .isNotEmpty()
        .allSatisfy(event -> assertThat(eventTime(event)).isEqualTo(EventTimes.format(now)));
  }

  @Test
  void theSameSeedReplaysTheSameEvents() {
    List<SimulatedCat> cats = cats(3);
    List<SimulatedVisitor> visitors =
        IntStream.range(0, 4)
            .boxed()
            .flatMap(i -> visitors(VisitorArchetype.values()[i], 5).stream())
            .toList();
    List<CafeEvent> first = replay(21, cats, visitors);
    List<CafeEvent> second = replay(21, cats, visitors);
    List<CafeEvent> other = replay(22, cats, visitors);
    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(first.stream().map(CafeEvent::topic).distinct()).hasSize(5);
  }

  private List<CafeEvent> replay(
      long seed, List<SimulatedCat> cats, List<SimulatedVisitor> visitors) {
    List<CafeEvent> replayed = new ArrayList<>();
    CafeSimulation simulation =
        new CafeSimulation(new Random(seed), SimulationRules.ORIGINAL, replayed::add);
    simulation.updateRoster(new Roster(cats, visitors));
    for (int tick = 0; tick < 300; tick++) {
      simulation.tick(START.plusSeconds(tick));
    }
    return replayed;
  }

  /** Runs five made-up cats of each archetype for {@code ticks}; returns their archetypes by id. */
  private Map<String, CatArchetype> runFiveCatsPerArchetype(
      long seed, double anomalyRate, int ticks) {
    CafeSimulation simulation = simulation(seed, new SimulationRules(anomalyRate));
    List<SimulatedCat> cats = cats(5);
    simulation.updateRoster(new Roster(cats, List.of()));
    run(simulation, ticks);
    return cats.stream().collect(Collectors.toMap(SimulatedCat::catId, SimulatedCat::archetype));
  }

  private CafeSimulation simulation(long seed, SimulationRules rules) {
    return new CafeSimulation(new Random(seed), rules, events::add);
  }

  private static void run(CafeSimulation simulation, int ticks) {
    for (int tick = 0; tick < ticks; tick++) {
      simulation.tick(START.plusSeconds(tick));
    }
  }

  /** {@code perArchetype} cats of each archetype, with ids that say what they are. */
  private static List<SimulatedCat> cats(int perArchetype) {
    List<SimulatedCat> cats = new ArrayList<>();
    for (CatArchetype archetype : CatArchetype.values()) {
      for (int i = 0; i < perArchetype; i++) {
        cats.add(new SimulatedCat("%s-%d".formatted(archetype.wireName(), i), archetype));
      }
    }
    return cats;
  }

  private static List<SimulatedVisitor> visitors(VisitorArchetype archetype, int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new SimulatedVisitor("%s-%d".formatted(archetype.wireName(), i), archetype))
        .toList();
  }

  /** The visitor events between one check-in and the next: whole visits of a lone visitor. */
  private List<List<CafeEvent>> completeVisits() {
    List<List<CafeEvent>> visits = new ArrayList<>();
    List<CafeEvent> current = null;
    for (CafeEvent event : events) {
      if (event instanceof VisitorCheckin) {
        if (current != null) {
          visits.add(current);
        }
        current = new ArrayList<>();
      } else if (current != null
          && (event instanceof CafeOrder || event instanceof CatInteraction)) {
        current.add(event);
      }
    }
    return visits;
  }

  private <T extends CafeEvent> List<T> of(Class<T> type) {
    return ofType(events, type);
  }

  private static <T extends CafeEvent> List<T> ofType(List<CafeEvent> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static List<CatInteraction> interactions(List<CafeEvent> events, String type) {
    return ofType(events, CatInteraction.class).stream()
        .filter(interaction -> interaction.interactionType().equals(type))
        .toList();
  }

  private static void assertOrder(CafeOrder order, int minLines, int maxLines, int maxQuantity) {
    Set<String> menu =
        Arrays.stream(MenuItem.values()).map(WireName::wireName).collect(Collectors.toSet());
    assertThat(order.items()).hasSizeBetween(minLines, maxLines);
    assertThat(order.items())
        .allSatisfy(
            item -> {
              assertThat(menu).contains(item.name());
              assertThat(item.quantity()).isBetween(1, maxQuantity);
            });
    int units = order.items().stream().mapToInt(OrderItem::quantity).sum();
    assertThat(order.totalAmount()).isBetween(3.0 * units, 8.0 * units);
    assertTwoDecimals(order.totalAmount());
  }

  private static void assertTwoDecimals(double value) {
    assertThat(Math.abs(value * 100 - Math.round(value * 100))).isLessThan(1e-6);
  }

  private static double[] activityRange(CatArchetype archetype) {
    return switch (archetype) {
      case SLEEPY_SENIOR -> new double[] {1.0, 3.0};
      case SOCIAL_KITTEN -> new double[] {7.0, 10.0};
      case SHY -> new double[] {2.0, 6.0};
      case STANDARD -> new double[] {3.0, 7.0};
    };
  }

  private static boolean mentions(CafeEvent event, String catId) {
    if (event instanceof CatWellness wellness) {
      return wellness.catId().equals(catId);
    }
    if (event instanceof CatLocation location) {
      return location.catId().equals(catId);
    }
    return event instanceof CatInteraction interaction && interaction.catId().equals(catId);
  }

  private static String eventTime(CafeEvent event) {
    if (event instanceof CatWellness wellness) {
      return wellness.eventTime();
    }
    if (event instanceof CatLocation location) {
      return location.eventTime();
    }
    if (event instanceof CatInteraction interaction) {
      return interaction.eventTime();
    }
    if (event instanceof CafeOrder order) {
      return order.eventTime();
    }
    if (event instanceof VisitorCheckin checkin) {
      return checkin.eventTime();
    }
    throw new IllegalArgumentException("not a simulated event: " + event);
  }
}
