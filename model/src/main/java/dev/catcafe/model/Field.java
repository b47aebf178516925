package dev.catcafe.model;

import static java.util.Objects.requireNonNull;

/**
 * One field of an event as it travels on Kafka.
 *
 * @param name the JSON key, also the column name in the lake
 * @param type the logical type
 * @param required whether a record without it (or with JSON null) is malformed
 */
public record Field(String name, FieldType type, boolean required) {
  public Field {
    requireNonNull(name, "name is null");
    requireNonNull(type, "type is null");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("field name must be snake_case: " + name);
    }
  }

  public static Field required(String name, FieldType type) {
    return new Field(name, type, true);
  }

  public static Field optional(String name, FieldType type) {
    return new Field(name, type, false);
  }
}
