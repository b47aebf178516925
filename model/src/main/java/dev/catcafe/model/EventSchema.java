package dev.catcafe.model;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The ordered fields of one topic's JSON events. */
public record EventSchema(List<Field> fields) {
  public EventSchema {
    fields = List.copyOf(requireNonNull(fields, "fields is null"));
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("a schema needs at least one field");
    }
    Set<String> seen = new HashSet<>();
    for (Field field : fields) {
      if (!seen.add(field.name())) {
        throw new IllegalArgumentException("duplicate field: " + field.name());
      }
    }
  }

  public static EventSchema of(Field... fields) {
    return new EventSchema(List.of(fields));
  }

  public List<String> fieldNames() {
    return fields.stream().map(Field::name).toList();
  }

  public List<Field> requiredFields() {
    return fields.stream().filter(Field::required).toList();
  }

  public Optional<Field> field(String name) {
    return fields.stream().filter(field -> field.name().equals(name)).findFirst();
  }
}
