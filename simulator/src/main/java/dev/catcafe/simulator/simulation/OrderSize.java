package dev.catcafe.simulator.simulation;

/** The original's three order sizes: how many lines, and how many of each line. */
public enum OrderSize {
  SMALL(1, 3, 1),
  MEDIUM(2, 5, 1),
  LARGE(4, 8, 2);

  private final int minimumLines;
  private final int maximumLines;
  private final int maximumQuantity;

  OrderSize(int minimumLines, int maximumLines, int maximumQuantity) {
    this.minimumLines = minimumLines;
    this.maximumLines = maximumLines;
    this.maximumQuantity = maximumQuantity;
  }

  public int minimumLines() {
    return minimumLines;
  }

  public int maximumLines() {
    return maximumLines;
  }

  public int maximumQuantity() {
    return maximumQuantity;
  }
}
