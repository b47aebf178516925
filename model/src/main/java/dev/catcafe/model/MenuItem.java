package dev.catcafe.model;

public enum MenuItem implements WireName {
  ESPRESSO,
  CAPPUCCINO,
  LATTE,
  AMERICANO,
  CROISSANT,
  MUFFIN,
  BAGEL,
  SANDWICH,
  CHEESECAKE,
  HOT_CHOCOLATE
}
