package dev.catcafe.simulator.simulation;

import dev.catcafe.model.event.CafeEvent;

/** Where the simulation's events go: Kafka in production, a list in unit tests. */
@FunctionalInterface
public interface EventSink {
  void emit(CafeEvent event);

  /**
   * Throws if events emitted earlier could not be delivered; sinks that write asynchronously report
   * failures here, so the producer stops instead of dropping data silently.
   */
  default void checkDelivery() {}
}
