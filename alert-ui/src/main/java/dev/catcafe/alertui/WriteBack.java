package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * The decision taken for one potential-adopter alert, to be applied to PostgreSQL once.
 *
 * @param alertId the alert's id, the decision's key
 * @param visitorId who the alert is about (for the record)
 * @param catToAdopt the liked cat to adopt, or empty when this alert adopts none
 */
public record WriteBack(String alertId, String visitorId, Optional<String> catToAdopt) {
  public WriteBack {
    requireNonNull(alertId, "alertId is null");
    if (alertId.isBlank()) {
      throw new IllegalArgumentException("alertId is blank");
    }
    requireNonNull(catToAdopt, "catToAdopt is null");
  }
}
