package dev.catcafe.model;

/** A visitor persona, which drives session length, orders, interactions and likes. */
public enum VisitorArchetype implements WireName {
  POTENTIAL_ADOPTER,
  CASUAL_VISITOR,
  FAMILY,
  CAT_LOVER
}
