package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import java.time.LocalDateTime;

/** One row of {@code cats} (spec §1.2), as the roster API returns it. */
public record CatRow(
    String catId,
    String name,
    String coatColor,
    String coatLength,
    Integer age,
    String archetype,
    String status,
    LocalDateTime admittedDate,
    LocalDateTime adoptedDate,
    LocalDateTime lastCheckupTime) {
  public CatRow {
    requireNonNull(catId, "catId is null");
    requireNonNull(name, "name is null");
    requireNonNull(status, "status is null");
  }
}
