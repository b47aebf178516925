package dev.catcafe.model;

public enum CoatColor implements WireName {
  TABBY,
  CALICO,
  BLACK,
  ORANGE,
  GRAY,
  WHITE
}
