package dev.catcafe.bench.ingest;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.CafeLocation;
import dev.catcafe.model.EventTimes;
import dev.catcafe.model.InteractionType;
import dev.catcafe.model.MenuItem;
import dev.catcafe.model.Topic;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulator-like events as JSON, built with a {@code StringBuilder} so producing millions is cheap.
 * The mix follows the simulator's: each tick every cat reports wellness and location, visitors
 * interact, a few check in and order.
 */
final class BacklogEvents {
  /** Share of each simulator topic in the backlog, in percent. */
  static final List<Share> MIX =
      List.of(
          new Share(Topic.CAT_WELLNESS, 35),
          new Share(Topic.CAT_LOCATIONS, 30),
          new Share(Topic.CAT_INTERACTIONS, 25),
          new Share(Topic.CAFE_ORDERS, 6),
          new Share(Topic.VISITOR_CHECKINS, 4));

  record Share(Topic topic, int percent) {}

  private static final InteractionType[] INTERACTIONS = InteractionType.values();
  private static final CafeLocation[] LOCATIONS = CafeLocation.values();
  private static final MenuItem[] MENU = MenuItem.values();

  private final SplittableRandom random;
  private final Instant start;

  BacklogEvents(long seed, Instant start) {
    this.random = new SplittableRandom(seed);
    this.start = requireNonNull(start, "start is null");
  }

  /** The topic of the {@code index}-th event: a fixed interleaving of {@link #MIX}. */
  static Topic topicOf(long index) {
    int slot = (int) (index % 100);
    int upTo = 0;
    for (Share share : MIX) {
      upTo += share.percent();
      if (slot < upTo) {
        return share.topic();
      }
    }
    throw new IllegalStateException("mix does not add up to 100");
  }

  /** The JSON of the {@code index}-th event, one millisecond of event time apart. */
  String json(Topic topic, long index) {
    String time = EventTimes.format(start.plusMillis(index));
    String cat = "cat-" + random.nextInt(60);
    String visitor = "visitor-" + random.nextInt(5_000);
    StringBuilder json =
        new StringBuilder(160).append("{\"event_time\":\"").append(time).append('"');
    switch (topic) {
      case CAT_WELLNESS ->
          json.append(",\"cat_id\":\"")
              .append(cat)
              .append("\",\"activity_level\":")
              .append(random.nextInt(100, 1000) / 100.0)
              .append(",\"heart_rate\":")
              .append(random.nextInt(80, 121))
              .append(",\"hours_since_last_drink\":")
              .append(random.nextInt(50, 390) / 100.0);
      case CAT_LOCATIONS ->
          json.append(",\"cat_id\":\"")
              .append(cat)
              .append("\",\"location\":\"")
              .append(LOCATIONS[random.nextInt(LOCATIONS.length)].wireName())
              .append('"');
      case CAT_INTERACTIONS ->
          json.append(",\"visitor_id\":\"")
              .append(visitor)
              .append("\",\"cat_id\":\"")
              .append(cat)
              .append("\",\"interaction_type\":\"")
              .append(INTERACTIONS[random.nextInt(INTERACTIONS.length)].wireName())
              .append('"');
      case CAFE_ORDERS -> {
        json.append(",\"order_id\":\"order-")
            .append(index)
            .append("\",\"visitor_id\":\"")
            .append(visitor)
            .append("\",\"items\":[");
        int items = random.nextInt(1, 6);
        for (int item = 0; item < items; item++) {
          json.append(item == 0 ? "" : ",")
              .append("{\"name\":\"")
              .append(MENU[random.nextInt(MENU.length)].wireName())
              .append("\",\"quantity\":")
              .append(random.nextInt(1, 3))
              .append('}');
        }
        json.append("],\"total_amount\":").append(random.nextInt(300, 6000) / 100.0);
      }
      case VISITOR_CHECKINS -> json.append(",\"visitor_id\":\"").append(visitor).append('"');
      case CAT_HEALTH_ALERTS, POTENTIAL_ADOPTERS ->
          throw new IllegalArgumentException("alerts are derived, not simulated: " + topic);
    }
    return json.append('}').toString();
  }
}
