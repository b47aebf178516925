package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

/** What an adoption attempt did; {@code catName} is empty when the cat does not exist. */
public record AdoptionOutcome(Result result, String catId, String catName) {
  public enum Result {
    ADOPTED,
    ALREADY_ADOPTED,
    NOT_FOUND
  }

  public AdoptionOutcome {
    requireNonNull(result, "result is null");
    requireNonNull(catId, "catId is null");
    catName = catName == null ? "" : catName;
  }

  public boolean adopted() {
    return result == Result.ADOPTED;
  }
}
