package dev.catcafe.model;

/**
 * The logical type of an event field, independent of any engine. Spark, Iceberg and Trino types are
 * derived from it in one place each, so the engines cannot drift apart.
 */
public enum FieldType {
  STRING,
  /** An ISO-8601 instant on the wire ({@code 2025-10-07T19:24:56.123Z}), a timestamp in tables. */
  TIMESTAMP,
  INT,
  LONG,
  DOUBLE,
  /** An amount of money: a JSON number on the wire, {@code decimal(10,2)} in tables. */
  MONEY,
  /** The {@code items} of a cafe order: an array of {@code {name, quantity}} objects. */
  ORDER_ITEMS
}
