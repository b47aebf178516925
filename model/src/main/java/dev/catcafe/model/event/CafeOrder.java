package dev.catcafe.model.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CafeOrder(
    String eventTime, String orderId, String visitorId, List<OrderItem> items, double totalAmount)
    implements CafeEvent {
  /** An order's total is a sum of prices: never negative (the lake's data checks hold it). */
  public static final double MIN_TOTAL_AMOUNT = 0.0;

  public CafeOrder {
    requireNonNull(eventTime, "eventTime is null");
    requireNonNull(orderId, "orderId is null");
    requireNonNull(visitorId, "visitorId is null");
    items = List.copyOf(requireNonNull(items, "items is null"));
  }

  @Override
  public String key() {
    return visitorId;
  }
}
