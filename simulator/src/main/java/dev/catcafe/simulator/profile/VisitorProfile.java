package dev.catcafe.simulator.profile;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.VisitorArchetype;
import java.time.LocalDateTime;

/** One row of {@code visitors} (spec §1.2). */
public record VisitorProfile(
    String visitorId, String name, VisitorArchetype archetype, LocalDateTime firstVisitDate) {
  public VisitorProfile {
    requireNonNull(visitorId, "visitorId is null");
    requireNonNull(name, "name is null");
    requireNonNull(archetype, "archetype is null");
    requireNonNull(firstVisitDate, "firstVisitDate is null");
  }
}
