package dev.catcafe.simulator.simulation;

import static dev.catcafe.simulator.RandomValues.chance;
import static dev.catcafe.simulator.RandomValues.doubleBetween;
import static dev.catcafe.simulator.RandomValues.intBetween;
import static dev.catcafe.simulator.RandomValues.pick;
import static dev.catcafe.simulator.RandomValues.round2;
import static java.util.Objects.requireNonNull;

import dev.catcafe.model.CafeLocation;
import dev.catcafe.model.EventTimes;
import dev.catcafe.model.InteractionType;
import dev.catcafe.model.MenuItem;
import dev.catcafe.model.VisitorArchetype;
import dev.catcafe.model.event.CafeOrder;
import dev.catcafe.model.event.CatInteraction;
import dev.catcafe.model.event.CatLocation;
import dev.catcafe.model.event.CatWellness;
import dev.catcafe.model.event.OrderItem;
import dev.catcafe.model.event.VisitorCheckin;
import dev.catcafe.simulator.RandomValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The original producer's per-tick simulation (spec §2.3), without any I/O: visitors arrive and act
 * by archetype, every available cat sends a wellness reading and sometimes its location. All
 * randomness comes from one {@link Random}, all time from the caller, all output goes to an {@link
 * EventSink}, so a seed replays a run exactly.
 *
 * <p>Fixed defects of the original: a visitor drawn while already in the cafe keeps their session
 * (the original restarted it); the family's order uses the session's real length (the original read
 * a field it never set and always used 45); the stress anomaly goes below the alert threshold of
 * 0.1 (the original's 0.1–0.9 never did), as the dehydration anomaly always exceeds 4.0; a
 * potential adopter's four likes go to four different cats when there are four to like.
 */
public final class CafeSimulation {
  public static final double ARRIVAL_PROBABILITY = 0.1;
  public static final double LOCATION_PROBABILITY = 0.2;
  public static final int POTENTIAL_ADOPTER_LIKES = 4;

  public static final int MINIMUM_HEART_RATE = 80;
  public static final int MAXIMUM_HEART_RATE = 120;
  public static final double MINIMUM_HOURS_SINCE_DRINK = 0.5;
  public static final double MAXIMUM_HOURS_SINCE_DRINK = 3.9;
  public static final double MINIMUM_DEHYDRATED_HOURS = 4.01;
  public static final double MAXIMUM_DEHYDRATED_HOURS = 6.0;
  public static final double MINIMUM_STRESSED_ACTIVITY = 0.01;
  public static final double MAXIMUM_STRESSED_ACTIVITY = 0.09;
  public static final double MINIMUM_PRICE = 3.0;
  public static final double MAXIMUM_PRICE = 8.0;

  private static final InteractionType[] ADOPTER_INTERACTIONS = {
    InteractionType.PET, InteractionType.PLAY, InteractionType.FEED, InteractionType.PHOTO
  };
  private static final InteractionType[] CASUAL_INTERACTIONS = {
    InteractionType.PET, InteractionType.PLAY, InteractionType.PHOTO
  };
  private static final MenuItem[] MENU = MenuItem.values();
  private static final CafeLocation[] LOCATIONS = CafeLocation.values();

  private final Random random;
  private final SimulationRules rules;
  private final EventSink sink;
  private final Map<String, VisitorSession> sessions = new LinkedHashMap<>();
  private Roster roster = Roster.empty();

  public CafeSimulation(Random random, SimulationRules rules, EventSink sink) {
    this.random = requireNonNull(random, "random is null");
    this.rules = requireNonNull(rules, "rules is null");
    this.sink = requireNonNull(sink, "sink is null");
  }

  /** Replaces who is in the cafe, e.g. after a refresh from PostgreSQL; sessions carry on. */
  public void updateRoster(Roster roster) {
    this.roster = requireNonNull(roster, "roster is null");
  }

  public Roster roster() {
    return roster;
  }

  /** Visitor id to ticks left, for the visitors in the cafe now (in arrival order). */
  public Map<String, Integer> activeSessions() {
    Map<String, Integer> active = new LinkedHashMap<>();
    sessions.forEach((id, session) -> active.put(id, session.ticksRemaining));
    return active;
  }

  /** One simulation step at {@code now}, in the original's order: arrival, visitors, cats. */
  public void tick(Instant now) {
    String eventTime = EventTimes.format(requireNonNull(now, "now is null"));
    if (chance(random, ARRIVAL_PROBABILITY)) {
      arrive(eventTime);
    }
    actVisitors(eventTime);
    reportCats(eventTime);
  }

  /** Session length in ticks, inclusive, by archetype (spec §2.3). */
  public static int minimumSessionTicks(VisitorArchetype archetype) {
    return switch (archetype) {
      case POTENTIAL_ADOPTER -> 20;
      case CASUAL_VISITOR -> 10;
      case FAMILY -> 30;
      case CAT_LOVER -> 40;
    };
  }

  public static int maximumSessionTicks(VisitorArchetype archetype) {
    return switch (archetype) {
      case POTENTIAL_ADOPTER -> 40;
      case CASUAL_VISITOR -> 20;
      case FAMILY -> 60;
      case CAT_LOVER -> 80;
    };
  }

  private void arrive(String eventTime) {
    List<SimulatedVisitor> visitors = roster.visitors();
    if (visitors.isEmpty()) {
      return;
    }
    SimulatedVisitor visitor = pick(random, visitors);
    if (sessions.containsKey(visitor.visitorId())) {
      // Someone already inside cannot walk in again; draw among those outside instead, so the
      // arrival rate stays the original's.
      List<SimulatedVisitor> outside =
          visitors.stream().filter(v -> !sessions.containsKey(v.visitorId())).toList();
      if (outside.isEmpty()) {
        return;
      }
      visitor = pick(random, outside);
    }
    int ticks =
        intBetween(
            random,
            minimumSessionTicks(visitor.archetype()),
            maximumSessionTicks(visitor.archetype()));
    sessions.put(visitor.visitorId(), new VisitorSession(visitor, ticks));
    sink.emit(new VisitorCheckin(eventTime, visitor.visitorId()));
  }

  private void actVisitors(String eventTime) {
    Iterator<VisitorSession> active = sessions.values().iterator();
    while (active.hasNext()) {
      VisitorSession session = active.next();
      session.ticksRemaining--;
      if (session.ticksRemaining <= 0) {
        active.remove();
        continue;
      }
      switch (session.visitor.archetype()) {
        case POTENTIAL_ADOPTER -> potentialAdopter(session, eventTime);
        case CASUAL_VISITOR -> casualVisitor(session, eventTime);
        case FAMILY -> family(session, eventTime);
        case CAT_LOVER -> catLover(session, eventTime);
      }
    }
  }

  private void potentialAdopter(VisitorSession session, String eventTime) {
    if (session.ordersMade == 0) {
      order(session, OrderSize.SMALL, eventTime);
    }
    if (roster.cats().isEmpty()) {
      return;
    }
    int interactions = intBetween(random, 1, 2);
    for (int i = 0; i < interactions; i++) {
      interact(session, pick(random, roster.cats()), pick(random, ADOPTER_INTERACTIONS), eventTime);
    }
    // Likes come at random, but never later than the last ticks allow: exactly four a session.
    int likesLeft = POTENTIAL_ADOPTER_LIKES - session.likes;
    if (likesLeft > 0 && (session.ticksRemaining <= likesLeft || chance(random, 0.3))) {
      like(session, catNotYetLiked(session), eventTime);
    }
  }

  private void casualVisitor(VisitorSession session, String eventTime) {
    if (session.ordersMade == 0 && chance(random, 0.2)) {
      order(session, OrderSize.SMALL, eventTime);
    }
    if (roster.cats().isEmpty()) {
      return;
    }
    if (chance(random, 0.4)) {
      interact(session, pick(random, roster.cats()), pick(random, CASUAL_INTERACTIONS), eventTime);
    }
    if (chance(random, 0.08)) {
      like(session, pick(random, roster.cats()), eventTime);
    }
  }

  private void family(VisitorSession session, String eventTime) {
    // The original meant "a few ticks after arriving" but read a field it never set.
    if (session.ordersMade == 0 && session.ticksRemaining < session.initialTicks - 3) {
      order(session, OrderSize.LARGE, eventTime);
    }
    if (roster.cats().isEmpty()) {
      return;
    }
    if (chance(random, 0.7)) {
      interact(session, favourite(roster.socialKittens()), InteractionType.PET, eventTime);
    }
    if (chance(random, 0.03)) {
      like(session, pick(random, roster.cats()), eventTime);
    }
  }

  private void catLover(VisitorSession session, String eventTime) {
    if (session.ordersMade == 0) {
      order(session, OrderSize.MEDIUM, eventTime);
    }
    if (roster.cats().isEmpty()) {
      return;
    }
    if (chance(random, 0.5)) {
      interact(session, favourite(roster.shyOrSeniorCats()), InteractionType.PET, eventTime);
    }
    if (session.likes == 0 && chance(random, 0.15)) {
      like(session, pick(random, roster.cats()), eventTime);
    }
  }

  private SimulatedCat favourite(List<SimulatedCat> favourites) {
    return pick(random, favourites.isEmpty() ? roster.cats() : favourites);
  }

  private SimulatedCat catNotYetLiked(VisitorSession session) {
    SimulatedCat cat = pick(random, roster.cats());
    if (!session.likedCats.contains(cat.catId())) {
      return cat;
    }
    List<SimulatedCat> notLiked =
        roster.cats().stream().filter(c -> !session.likedCats.contains(c.catId())).toList();
    return notLiked.isEmpty() ? cat : pick(random, notLiked);
  }

  private void interact(
      VisitorSession session, SimulatedCat cat, InteractionType type, String eventTime) {
    sink.emit(
        new CatInteraction(eventTime, session.visitor.visitorId(), cat.catId(), type.wireName()));
  }

  private void like(VisitorSession session, SimulatedCat cat, String eventTime) {
    session.likes++;
    session.likedCats.add(cat.catId());
    interact(session, cat, InteractionType.LIKE, eventTime);
  }

  private void order(VisitorSession session, OrderSize size, String eventTime) {
    int lines = intBetween(random, size.minimumLines(), size.maximumLines());
    List<OrderItem> items = new ArrayList<>(lines);
    double total = 0.0;
    for (int i = 0; i < lines; i++) {
      MenuItem item = pick(random, MENU);
      int quantity = intBetween(random, 1, size.maximumQuantity());
      double unitPrice = doubleBetween(random, MINIMUM_PRICE, MAXIMUM_PRICE);
      items.add(new OrderItem(item.wireName(), quantity));
      total += unitPrice * quantity;
    }
    session.ordersMade++;
    sink.emit(
        new CafeOrder(
            eventTime,
            RandomValues.uuid(random).toString(),
            session.visitor.visitorId(),
            items,
            round2(total)));
  }

  private void reportCats(String eventTime) {
    double anomalyRate = rules.anomalyRate();
    for (SimulatedCat cat : roster.cats()) {
      double hoursSinceDrink =
          doubleBetween(random, MINIMUM_HOURS_SINCE_DRINK, MAXIMUM_HOURS_SINCE_DRINK);
      double activity =
          switch (cat.archetype()) {
            case SLEEPY_SENIOR -> doubleBetween(random, 1.0, 3.0);
            case SOCIAL_KITTEN -> doubleBetween(random, 7.0, 10.0);
            case SHY -> doubleBetween(random, 2.0, 6.0);
            case STANDARD -> doubleBetween(random, 3.0, 7.0);
          };
      switch (cat.archetype()) {
        case SLEEPY_SENIOR -> {
          if (chance(random, anomalyRate)) {
            hoursSinceDrink =
                doubleBetween(random, MINIMUM_DEHYDRATED_HOURS, MAXIMUM_DEHYDRATED_HOURS);
          }
        }
        case SHY -> {
          if (chance(random, anomalyRate)) {
            activity = doubleBetween(random, MINIMUM_STRESSED_ACTIVITY, MAXIMUM_STRESSED_ACTIVITY);
          }
        }
        case SOCIAL_KITTEN, STANDARD -> {
          // No anomalies in the original for these temperaments.
        }
      }
      int heartRate = intBetween(random, MINIMUM_HEART_RATE, MAXIMUM_HEART_RATE);
      sink.emit(
          new CatWellness(
              eventTime, cat.catId(), round2(activity), heartRate, round2(hoursSinceDrink)));
      if (chance(random, LOCATION_PROBABILITY)) {
        sink.emit(new CatLocation(eventTime, cat.catId(), pick(random, LOCATIONS).wireName()));
      }
    }
  }

  /** One visitor's stay: the original's session dictionary, plus what the fixes need. */
  private static final class VisitorSession {
    private final SimulatedVisitor visitor;
    private final int initialTicks;
    private final Set<String> likedCats = new HashSet<>();
    private int ticksRemaining;
    private int likes;
    private int ordersMade;

    private VisitorSession(SimulatedVisitor visitor, int ticks) {
      this.visitor = visitor;
      this.initialTicks = ticks;
      this.ticksRemaining = ticks;
    }
  }
}
