package dev.catcafe.model;

public enum InteractionType implements WireName {
  PET,
  PLAY,
  FEED,
  PHOTO,
  LIKE
}
