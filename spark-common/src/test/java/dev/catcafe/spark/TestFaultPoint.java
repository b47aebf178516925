package dev.catcafe.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class TestFaultPoint {
  @Test
  void nothingIsArmedWithoutTheProperty() {
    assertThat(System.getProperty(FaultPoint.PROPERTY)).isNull();
    for (FaultPoint point : FaultPoint.values()) {
      assertThat(point.isArmed()).as("%s armed", point).isFalse();
      // Unarmed, reaching a point neither halts nor even builds its context.
      point.reach(
          () -> {
            throw new AssertionError("context built for an unarmed point");
          });
    }
  }

  @Test
  void parsesPointNamesCaseInsensitively() {
    assertThat(FaultPoint.parse(null)).isNull();
    assertThat(FaultPoint.parse(" ")).isNull();
    assertThat(FaultPoint.parse("ingest_after_raw_commit"))
        .isEqualTo(FaultPoint.INGEST_AFTER_RAW_COMMIT);
    assertThat(FaultPoint.parse(" MAINTENANCE_MID_REWRITE "))
        .isEqualTo(FaultPoint.MAINTENANCE_MID_REWRITE);
  }

  @Test
  void anUnknownPointIsAClearError() {
    assertThatThrownBy(() -> FaultPoint.parse("after-commit"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-Dcatcafe.fault.halt-at=after-commit names no fault point")
        .hasMessageContaining("INGEST_BEFORE_CHECKPOINT_COMMIT");
  }

  @Test
  void theJvmOptionArmsThePoint() {
    assertThat(FaultPoint.INGEST_AFTER_RAW_COMMIT.jvmOption())
        .isEqualTo("-Dcatcafe.fault.halt-at=INGEST_AFTER_RAW_COMMIT");
  }

  @Test
  void anUnarmedTaskFaultAddsNoPluginAndRunsTheAction() {
    assertThat(TaskFault.sessionConf(FaultPoint.MAINTENANCE_MID_REWRITE)).isEmpty();
    assertThat(TaskFault.during(FaultPoint.MAINTENANCE_MID_REWRITE, "test", () -> 42))
        .isEqualTo(42);
    // Outside an armed window the executor plugin ignores task ends.
    new TaskFault().executorPlugin().onTaskSucceeded();
  }
}
