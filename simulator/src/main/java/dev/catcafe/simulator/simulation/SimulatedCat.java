package dev.catcafe.simulator.simulation;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.CatArchetype;

/** What the simulation needs of an available cat: who it is and its temperament. */
public record SimulatedCat(String catId, CatArchetype archetype) {
  public SimulatedCat {
    requireNonNull(catId, "catId is null");
    requireNonNull(archetype, "archetype is null");
  }
}
