package dev.catcafe.model;

/**
 * The health alerts the Wellness Guardian raises; the wire form is upper case, as the original's.
 */
public enum AlertType {
  DEHYDRATION,
  STRESS
}
