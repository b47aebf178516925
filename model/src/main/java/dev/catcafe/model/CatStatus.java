package dev.catcafe.model;

/** The {@code status} column of {@code cats}: only the alert UI moves a cat to adopted. */
public enum CatStatus implements WireName {
  AVAILABLE,
  ADOPTED
}
