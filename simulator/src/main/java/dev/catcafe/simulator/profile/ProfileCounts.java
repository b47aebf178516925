package dev.catcafe.simulator.profile;

/**
 * How many profiles to generate. The original's are {@link #ORIGINAL}; tests use fewer.
 *
 * @param adoptedCats cats with status {@code adopted} (the history the batch jobs summarise)
 * @param availableCats cats with status {@code available} (the ones in the cafe, producing events)
 * @param visitors visitor personas
 */
public record ProfileCounts(int adoptedCats, int availableCats, int visitors) {
  public static final int ORIGINAL_ADOPTED_CATS = 10_000;
  public static final int ORIGINAL_AVAILABLE_CATS = 1_000;
  public static final int ORIGINAL_VISITORS = 1_000;
  public static final ProfileCounts ORIGINAL =
      new ProfileCounts(ORIGINAL_ADOPTED_CATS, ORIGINAL_AVAILABLE_CATS, ORIGINAL_VISITORS);

  /** Keeps one run's rows within what one transaction comfortably holds. */
  public static final int MAXIMUM = 10_000_000;

  public ProfileCounts {
    requireCount(adoptedCats, "--adopted-cats");
    requireCount(availableCats, "--available-cats");
    requireCount(visitors, "--visitors");
  }

  private static void requireCount(int count, String option) {
    if (count < 0 || count > MAXIMUM) {
      throw new IllegalArgumentException(
          "%s is %d: expected 0 to %d".formatted(option, count, MAXIMUM));
    }
  }

  public int cats() {
    return adoptedCats + availableCats;
  }
}
