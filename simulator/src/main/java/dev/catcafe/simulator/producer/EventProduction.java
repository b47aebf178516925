package dev.catcafe.simulator.producer;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import dev.catcafe.model.event.CafeEvent;
import dev.catcafe.simulator.simulation.CafeSimulation;
import dev.catcafe.simulator.simulation.EventSink;
import dev.catcafe.simulator.simulation.Roster;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the simulation against a sink: paces the ticks (or not, in burst mode), refreshes the roster
 * from its loader every refresh interval, logs events/s per topic, and stops on request, at the
 * duration, at the event limit, or when the sink reports a failed delivery. Single-threaded: only
 * {@link #stop()} and the observers may be called from other threads.
 */
public final class EventProduction {
  private static final Logger LOG = LoggerFactory.getLogger(EventProduction.class);
  private static final long MAXIMUM_SLEEP_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final Topic[] TOPICS = Topic.values();

  private final ProductionConfig config;
  private final RosterLoader rosterLoader;
  private final EventSink sink;
  private final Clock clock;
  private final Function<Topic, String> topicLabel;
  private final CafeSimulation simulation;
  private final long[] eventsByTopic = new long[TOPICS.length];
  private final CountDownLatch finished = new CountDownLatch(1);
  private final AtomicLong refreshes = new AtomicLong();
  private volatile boolean stopRequested;
  private volatile Instant lastRefreshStartedAt = Instant.EPOCH;
  private long events;

  /**
   * @param topicLabel how a topic is named in the logs (its name on the cluster)
   */
  public EventProduction(
      ProductionConfig config,
      RosterLoader rosterLoader,
      EventSink sink,
      Clock clock,
      Function<Topic, String> topicLabel) {
    this.config = requireNonNull(config, "config is null");
    this.rosterLoader = requireNonNull(rosterLoader, "rosterLoader is null");
    this.sink = requireNonNull(sink, "sink is null");
    this.clock = requireNonNull(clock, "clock is null");
    this.topicLabel = requireNonNull(topicLabel, "topicLabel is null");
    this.simulation = new CafeSimulation(new Random(config.seed()), config.rules(), this::count);
  }

  /**
   * Produces until a stop condition; the first roster load must succeed, later refresh failures
   * keep the previous roster and are retried at the next refresh.
   */
  public ProductionSummary run() throws SQLException {
    try {
      long start = System.nanoTime();
      Optional<Long> deadline = config.duration().map(duration -> start + duration.toNanos());
      long refreshNanos = config.refreshInterval().toNanos();
      long statsNanos = config.statsInterval().toNanos();
      refresh();
      LOG.info(
          "Producing: {} {}",
          simulation.roster(),
          config.burst() ? "in burst mode" : "at %s ticks/s".formatted(config.ticksPerSecond()));
      long nextRefresh = start + refreshNanos;
      long nextStats = start + statsNanos;
      long statsFrom = start;
      long[] eventsAtStats = eventsByTopic.clone();
      long ticks = 0;
      while (!stopRequested && !limitReached()) {
        long tickStart = System.nanoTime();
        if (deadline.isPresent() && tickStart - deadline.get() >= 0) {
          break;
        }
        if (tickStart - nextRefresh >= 0) {
          tryRefresh();
          nextRefresh = tickStart + refreshNanos;
        }
        simulation.tick(clock.instant());
        ticks++;
        sink.checkDelivery();
        long now = System.nanoTime();
        if (now - nextStats >= 0) {
          logRates(now - statsFrom, eventsAtStats);
          eventsAtStats = eventsByTopic.clone();
          statsFrom = now;
          nextStats = now + statsNanos;
        }
        if (!config.burst()) {
          long wakeUp = tickStart + config.tickIntervalNanos();
          if (deadline.isPresent() && wakeUp - deadline.get() > 0) {
            wakeUp = deadline.get();
          }
          sleepUntil(wakeUp);
        }
      }
      return new ProductionSummary(
          eventsByTopicMap(), events, ticks, Duration.ofNanos(System.nanoTime() - start));
    } finally {
      finished.countDown();
    }
  }

  /** Asks the run to end after the current tick; safe from any thread (e.g. a shutdown hook). */
  public void stop() {
    stopRequested = true;
  }

  /** Waits until {@link #run()} has returned, at most {@code timeout}. */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** How many roster loads have completed, the first included. */
  public long refreshes() {
    return refreshes.get();
  }

  /** When the last completed roster load began: every tick after it sees its result. */
  public Instant lastRefreshStartedAt() {
    return lastRefreshStartedAt;
  }

  private void count(CafeEvent event) {
    if (limitReached()) {
      return;
    }
    sink.emit(event);
    eventsByTopic[event.topic().ordinal()]++;
    events++;
  }

  private boolean limitReached() {
    return config.maxEvents() > 0 && events >= config.maxEvents();
  }

  private void refresh() throws SQLException {
    Instant started = clock.instant();
    Roster roster = rosterLoader.load();
    simulation.updateRoster(roster);
    lastRefreshStartedAt = started;
    refreshes.incrementAndGet();
    LOG.debug("Roster refreshed: {}", roster);
  }

  private void tryRefresh() {
    try {
      refresh();
    } catch (SQLException | RuntimeException e) {
      LOG.warn(
          "Could not refresh cats and visitors, keeping the previous ones: {}", e.getMessage());
    }
  }

  private void sleepUntil(long wakeUp) {
    long remaining;
    while (!stopRequested && (remaining = wakeUp - System.nanoTime()) > 0) {
      LockSupport.parkNanos(Math.min(remaining, MAXIMUM_SLEEP_NANOS));
    }
  }

  private void logRates(long nanos, long[] before) {
    double seconds = nanos / 1e9;
    StringJoiner rates = new StringJoiner(", ");
    long total = 0;
    for (Topic topic : TOPICS) {
      long delta = eventsByTopic[topic.ordinal()] - before[topic.ordinal()];
      total += delta;
      if (delta > 0) {
        rates.add("%s %.1f".formatted(topicLabel.apply(topic), delta / seconds));
      }
    }
    LOG.info(
        "events/s over {} s: {} (all {}; {} events in total)",
        "%.1f".formatted(seconds),
        rates,
        "%.1f".formatted(total / seconds),
        events);
  }

  private Map<Topic, Long> eventsByTopicMap() {
    Map<Topic, Long> map = new EnumMap<>(Topic.class);
    for (Topic topic : TOPICS) {
      if (eventsByTopic[topic.ordinal()] > 0) {
        map.put(topic, eventsByTopic[topic.ordinal()]);
      }
    }
    return map;
  }
}
