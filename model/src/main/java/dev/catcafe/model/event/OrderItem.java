package dev.catcafe.model.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** One line of a cafe order: the original sent these objects; its table wrongly said strings. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OrderItem(String name, int quantity) {
  public OrderItem {
    requireNonNull(name, "name is null");
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be positive: " + quantity);
    }
  }
}
