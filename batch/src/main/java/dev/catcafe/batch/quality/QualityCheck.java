package dev.catcafe.batch.quality;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.LakeTable;

/**
 * One data-quality check: a rule on a lake table under a name that stays the same from run to run
 * (the results table and the metrics are keyed by table and name).
 */
public record QualityCheck(LakeTable table, String name, QualityRule rule) {
  public QualityCheck {
    requireNonNull(table, "table is null");
    requireNonNull(name, "name is null");
    requireNonNull(rule, "rule is null");
    if (!name.matches("[a-z][a-z0-9_]*")) {
      throw new IllegalArgumentException("check name must be snake_case: " + name);
    }
  }

  /** {@code table.name}: how the log names the check. */
  public String id() {
    return table.tableName() + "." + name;
  }
}
