package dev.catcafe.model.event;

import dev.catcafe.model.Topic;

/** A record that travels as a JSON value on one of the cafe's topics. */
public sealed interface CafeEvent
    permits VisitorCheckin,
        CatInteraction,
        CafeOrder,
        CatWellness,
        CatLocation,
        CatHealthAlert,
        PotentialAdopterAlert {

  /** The topic this event travels on: the one {@link Topic} declares for its record type. */
  default Topic topic() {
    return Topic.carrying(getClass());
  }

  /** The Kafka record key: the entity id named by {@link Topic#keyField()}. */
  String key();
}
