package dev.catcafe.model;

import java.util.Arrays;
import java.util.Locale;

/** An enumeration whose values travel as lower-case snake_case strings, as the original's did. */
public interface WireName {
  String name();

  default String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The constant of {@code type} whose wire name is {@code wireName}. */
  static <E extends Enum<E> & WireName> E parse(Class<E> type, String wireName) {
    return Arrays.stream(type.getEnumConstants())
        .filter(constant -> constant.wireName().equals(wireName))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown %s '%s'".formatted(type.getSimpleName(), wireName)));
  }
}
