package dev.catcafe.simulator.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.Topic;
import dev.catcafe.model.event.CafeEvent;
import dev.catcafe.model.event.CatWellness;
import dev.catcafe.platform.testing.Polling;
import dev.catcafe.simulator.simulation.EventSink;
import dev.catcafe.simulator.simulation.Roster;
import dev.catcafe.simulator.simulation.SimulatedCat;
import dev.catcafe.simulator.simulation.SimulatedVisitor;
import dev.catcafe.simulator.simulation.SimulationRules;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class TestEventProduction {
  private static final Random IDS = new Random(1);
  private static final List<SimulatedCat> CATS = Roster.syntheticCats(IDS, 20);
  private static final List<SimulatedVisitor> VISITORS = Roster.syntheticVisitors(IDS, 50);

  private final List<CafeEvent> events = Collections.synchronizedList(new ArrayList<>());

  @Test
  void stopsAfterExactlyMaxEvents() throws SQLException {
    EventProduction production =
        production(
            config(true, Optional.empty(), 12_345, Duration.ofMinutes(1)), () -> roster(CATS));
    ProductionSummary summary = production.run();
    assertThat(summary.events()).isEqualTo(12_345);
    assertThat(events).hasSize(12_345);
    assertThat(summary.eventsByTopic().values().stream().mapToLong(Long::longValue).sum())
        .isEqualTo(12_345);
    assertThat(summary.eventsByTopic()).containsKey(Topic.CAT_WELLNESS);
  }

  @Test
  void pacedRunsNeverTickFasterThanAsked() throws SQLException {
    ProductionConfig config =
        new ProductionConfig(
            5,
            false,
            Optional.of(Duration.ofMillis(1_000)),
            0,
            OptionalInt.empty(),
            OptionalInt.empty(),
            Duration.ofMinutes(1),
            Duration.ofMinutes(1),
            3,
            SimulationRules.ORIGINAL);
    ProductionSummary summary = production(config, () -> roster(CATS)).run();
    assertThat(summary.ticks()).isBetween(1L, 6L);
    assertThat(events.stream().filter(CatWellness.class::isInstance))
        .hasSize(20 * (int) summary.ticks());
  }

  @Test
  void refreshesTheRosterSoRemovedCatsFallSilent() throws SQLException {
    AtomicInteger loads = new AtomicInteger();
    List<SimulatedCat> remaining = CATS.subList(5, CATS.size());
    int[] eventsBeforeSecondLoad = new int[1];
    EventProduction production =
        stoppingAtLoad(
            loads,
            3,
            Duration.ofMillis(50),
            load -> {
              if (load == 2) {
                eventsBeforeSecondLoad[0] = events.size();
              }
              return roster(load == 1 ? CATS : remaining);
            });
    production.run();

    assertThat(production.refreshes()).isEqualTo(3);
    Set<String> gone =
        CATS.subList(0, 5).stream().map(SimulatedCat::catId).collect(Collectors.toSet());
    List<CafeEvent> before = events.subList(0, eventsBeforeSecondLoad[0]);
    List<CafeEvent> after = events.subList(eventsBeforeSecondLoad[0], events.size());
    assertThat(before).anyMatch(event -> isWellnessOf(event, gone));
    assertThat(after).isNotEmpty().noneMatch(event -> isWellnessOf(event, gone));
  }

  @Test
  void aFailedRefreshKeepsTheCatsItHad() throws SQLException {
    AtomicInteger loads = new AtomicInteger();
    EventProduction production =
        stoppingAtLoad(
            loads,
            4,
            Duration.ofMillis(20),
            load -> {
              if (load > 1) {
                throw new SQLException("database went away");
              }
              return roster(CATS);
            });
    ProductionSummary summary = production.run();
    assertThat(loads).hasValue(4);
    assertThat(production.refreshes()).isEqualTo(1);
    assertThat(summary.eventsByTopic().get(Topic.CAT_WELLNESS)).isEqualTo(20 * summary.ticks());
  }

  @Test
  void aFailedFirstLoadFailsTheRun() {
    EventProduction production =
        production(
            config(true, Optional.empty(), 0, Duration.ofMinutes(1)),
            () -> {
              throw new SQLException("no such database");
            });
    assertThatThrownBy(production::run)
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("no such database");
    assertThat(events).isEmpty();
  }

  @Test
  void aFailedDeliveryStopsTheRun() {
    EventSink failing =
        new EventSink() {
          @Override
          public void emit(CafeEvent event) {
            events.add(event);
          }

          @Override
          public void checkDelivery() {
            if (events.size() > 1_000) {
              throw new IllegalStateException("broker said no");
            }
          }
        };
    EventProduction production =
        new EventProduction(
            config(true, Optional.empty(), 0, Duration.ofMinutes(1)),
            () -> roster(CATS),
            failing,
            Clock.systemUTC(),
            Topic::name);
    assertThatThrownBy(production::run).hasMessage("broker said no");
    assertThat(events.size()).isLessThan(1_100);
  }

  @Test
  void stopFromAnotherThreadEndsAnEndlessRun() throws Exception {
    EventProduction production =
        production(config(false, Optional.empty(), 0, Duration.ofMinutes(1)), () -> roster(CATS));
    CompletableFuture<ProductionSummary> run =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return production.run();
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    Polling.await(Duration.ofSeconds(10), "first tick", () -> !events.isEmpty());
    production.stop();
    assertThat(production.awaitFinished(Duration.ofSeconds(10))).isTrue();
    assertThat(run.get(10, TimeUnit.SECONDS).ticks()).isPositive();
  }

  /**
   * A burst run refreshing every {@code refresh} whose {@code load}-th roster load (counted in
   * {@code loads}, from 1) comes from {@code loader}, and which stops itself at load {@code last}.
   */
  private EventProduction stoppingAtLoad(
      AtomicInteger loads, int last, Duration refresh, NumberedLoader loader) {
    EventProduction[] production = new EventProduction[1];
    production[0] =
        production(
            config(true, Optional.empty(), 0, refresh),
            () -> {
              int load = loads.incrementAndGet();
              if (load == last) {
                production[0].stop();
              }
              return loader.load(load);
            });
    return production[0];
  }

  private EventProduction production(ProductionConfig config, RosterLoader loader) {
    return new EventProduction(config, loader, events::add, Clock.systemUTC(), Topic::name);
  }

  private static ProductionConfig config(
      boolean burst, Optional<Duration> duration, long maxEvents, Duration refresh) {
    return new ProductionConfig(
        1,
        burst,
        duration,
        maxEvents,
        OptionalInt.empty(),
        OptionalInt.empty(),
        refresh,
        Duration.ofMinutes(1),
        42,
        SimulationRules.ORIGINAL);
  }

  private static Roster roster(List<SimulatedCat> cats) {
    return new Roster(cats, VISITORS);
  }

  private static boolean isWellnessOf(CafeEvent event, Set<String> cats) {
    return event instanceof CatWellness wellness && cats.contains(wellness.catId());
  }

  @FunctionalInterface
  private interface NumberedLoader {
    Roster load(int number) throws SQLException;
  }
}
