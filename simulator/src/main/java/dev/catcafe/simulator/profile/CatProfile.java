package dev.catcafe.simulator.profile;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.CatArchetype;
import dev.catcafe.model.CatStatus;
import dev.catcafe.model.CoatColor;
import dev.catcafe.model.CoatLength;
import java.time.LocalDateTime;
import java.util.Optional;

/** One row of {@code cats} (spec §1.2); timestamps are PostgreSQL {@code TIMESTAMP}s (no zone). */
public record CatProfile(
    String catId,
    String name,
    CoatColor coatColor,
    CoatLength coatLength,
    int ageMonths,
    CatArchetype archetype,
    CatStatus status,
    LocalDateTime admittedDate,
    Optional<LocalDateTime> adoptedDate,
    LocalDateTime lastCheckupTime) {
  public CatProfile {
    requireNonNull(catId, "catId is null");
    requireNonNull(name, "name is null");
    requireNonNull(coatColor, "coatColor is null");
    requireNonNull(coatLength, "coatLength is null");
    requireNonNull(archetype, "archetype is null");
    requireNonNull(status, "status is null");
    requireNonNull(admittedDate, "admittedDate is null");
    requireNonNull(adoptedDate, "adoptedDate is null");
    requireNonNull(lastCheckupTime, "lastCheckupTime is null");
    if (ageMonths < 0) {
      throw new IllegalArgumentException("age must not be negative: " + ageMonths);
    }
    if (adoptedDate.isPresent() != (status == CatStatus.ADOPTED)) {
      throw new IllegalArgumentException(
          "adopted_date must be set exactly when the cat is adopted: %s, %s"
              .formatted(status, adoptedDate));
    }
  }
}
