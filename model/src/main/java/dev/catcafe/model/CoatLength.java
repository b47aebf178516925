package dev.catcafe.model;

public enum CoatLength implements WireName {
  SHORT,
  MEDIUM,
  LONG
}
