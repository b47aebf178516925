package dev.catcafe.streaming.alerts;

/**
 * When the Wellness Guardian raises an alert (spec §4.1): DEHYDRATION when {@code
 * hours_since_last_drink} is strictly above {@code dehydrationHours}, STRESS when {@code
 * activity_level} is strictly below {@code stressActivityLevel}.
 */
public record WellnessThresholds(double dehydrationHours, double stressActivityLevel) {
  public static final double DEFAULT_DEHYDRATION_HOURS = 4.0;
  public static final double DEFAULT_STRESS_ACTIVITY_LEVEL = 0.1;

  public WellnessThresholds {
    if (!Double.isFinite(dehydrationHours) || dehydrationHours < 0) {
      throw new IllegalArgumentException(
          "dehydration threshold is %s: expected a finite number of hours >= 0"
              .formatted(dehydrationHours));
    }
    if (!Double.isFinite(stressActivityLevel) || stressActivityLevel < 0) {
      throw new IllegalArgumentException(
          "stress threshold is %s: expected a finite activity level >= 0"
              .formatted(stressActivityLevel));
    }
  }

  /** The original's thresholds: 4.0 hours, activity 0.1. */
  public static WellnessThresholds defaults() {
    return new WellnessThresholds(DEFAULT_DEHYDRATION_HOURS, DEFAULT_STRESS_ACTIVITY_LEVEL);
  }
}
