package dev.catcafe.simulator.simulation;

/** The original's three order sizes: how many lines, and how many of each line. */
record OrderSize(int minimumLines, int maximumLines, int maximumQuantity) {
  static final OrderSize SMALL = new OrderSize(1, 3, 1);
  static final OrderSize MEDIUM = new OrderSize(2, 5, 1);
  static final OrderSize LARGE = new OrderSize(4, 8, 2);

  OrderSize {
    if (minimumLines < 1 || maximumLines < minimumLines || maximumQuantity < 1) {
      throw new IllegalArgumentException(
          "order size %d-%d lines of up to %d"
              .formatted(minimumLines, maximumLines, maximumQuantity));
    }
  }
}
