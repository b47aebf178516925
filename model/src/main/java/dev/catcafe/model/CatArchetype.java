package dev.catcafe.model;

/** A cat's temperament, which drives its wellness readings and who likes it. */
public enum CatArchetype implements WireName {
  SOCIAL_KITTEN,
  SLEEPY_SENIOR,
  SHY,
  STANDARD
}
