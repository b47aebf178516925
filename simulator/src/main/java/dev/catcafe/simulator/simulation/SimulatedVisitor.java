package dev.catcafe.simulator.simulation;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.VisitorArchetype;

/** What the simulation needs of a visitor persona. */
public record SimulatedVisitor(String visitorId, VisitorArchetype archetype) {
  public SimulatedVisitor {
    requireNonNull(visitorId, "visitorId is null");
    requireNonNull(archetype, "archetype is null");
  }
}
