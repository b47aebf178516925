package dev.catcafe.model;

/** Where in the cafe a collar last saw its cat. */
public enum CafeLocation implements WireName {
  SOUTHWEST_WINDOW,
  ENTRANCE_COUCH,
  CAT_TREE_TOP,
  SUNNY_CORNER,
  BOOKSHELF_MIDDLE,
  COUNTER_STOOL,
  WINDOW_PERCH,
  COZY_NOOK,
  PLAY_AREA,
  FEEDING_STATION,
  SCRATCHING_POST,
  CUSHIONED_BENCH,
  READING_CHAIR,
  CORNER_HIDEAWAY,
  CAFE_TABLE_UNDER
}
