package dev.catcafe.model.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One line of a cafe order: the original sent these objects; its table wrongly said strings. */
public record OrderItem(@JsonProperty("name") String name, @JsonProperty("quantity") int quantity) {
  public OrderItem {
    requireNonNull(name, "name is null");
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be positive: " + quantity);
    }
  }
}
