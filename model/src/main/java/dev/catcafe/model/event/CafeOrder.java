package dev.catcafe.model.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

public record CafeOrder(
    @JsonProperty("event_time") String eventTime,
    @JsonProperty("order_id") String orderId,
    @JsonProperty("visitor_id") String visitorId,
    @JsonProperty("items") List<OrderItem> items,
    @JsonProperty("total_amount") double totalAmount)
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
