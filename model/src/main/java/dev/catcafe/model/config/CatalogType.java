package dev.catcafe.model.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The Iceberg catalog implementations the lakehouse can run on. */
public enum CatalogType {
  /** Table pointers in a relational database: the local platform's default, shared with Trino. */
  JDBC,
  /** An Iceberg REST catalog service (Nessie, Polaris, Lakekeeper, the reference server). */
  REST;

  public static final String SETTING = "ICEBERG_CATALOG_TYPE (--catalog-type)";

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static CatalogType parse(String text) {
    String value = Settings.requireText(text, SETTING);
    return Arrays.stream(values())
        .filter(type -> type.wireName().equalsIgnoreCase(value))
        .findFirst()
        .orElseThrow(
            () ->
                Settings.invalid(
                    SETTING,
                    value,
                    "one of "
                        + Arrays.stream(values())
                            .map(CatalogType::wireName)
                            .collect(Collectors.joining(", "))));
  }
}
