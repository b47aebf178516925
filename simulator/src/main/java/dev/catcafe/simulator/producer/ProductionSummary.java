package dev.catcafe.simulator.producer;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import java.time.Duration;
import java.util.Map;

/** What one production run wrote. */
public record ProductionSummary(
    Map<Topic, Long> eventsByTopic, long events, long ticks, Duration elapsed) {
  public ProductionSummary {
    eventsByTopic = Map.copyOf(requireNonNull(eventsByTopic, "eventsByTopic is null"));
    requireNonNull(elapsed, "elapsed is null");
  }

  public double eventsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds == 0 ? 0 : events / seconds;
  }
}
