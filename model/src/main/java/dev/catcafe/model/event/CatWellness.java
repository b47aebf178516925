package dev.catcafe.model.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** A collar reading: one per available cat per simulation tick. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CatWellness(
    String eventTime, String catId, double activityLevel, int heartRate, double hoursSinceLastDrink)
    implements CafeEvent {
  /** The collar's activity scale: 0 (asleep) to 10 (zoomies); the lake's data checks hold it. */
  public static final double MIN_ACTIVITY_LEVEL = 0.0;

  public static final double MAX_ACTIVITY_LEVEL = 10.0;

  /** Hours since the last drink count up from a drink: never negative. */
  public static final double MIN_HOURS_SINCE_LAST_DRINK = 0.0;

  public CatWellness {
    requireNonNull(eventTime, "eventTime is null");
    requireNonNull(catId, "catId is null");
  }

  @Override
  public String key() {
    return catId;
  }
}
