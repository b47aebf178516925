package dev.catcafe.model.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.config.PostgresRole;
import org.junit.jupiter.api.Test;

final class TestProgram {
  private static final Program TOOL =
      Program.of("some-tool", RunnableModule.TRINO, "dev.catcafe.trino.SomeTool");

  @Test
  void aProgramIsAPlainJvmToolUntilItSaysOtherwise() {
    assertThat(TOOL.runsSpark()).isFalse();
    assertThat(TOOL.settings()).isEmpty();
    assertThat(TOOL.postgresRole()).isEmpty();
    assertThat(TOOL.restart()).isEqualTo(Restart.never());
    assertThat(TOOL.runningSpark().restarting(Restart.always(3)))
        .extracting(Program::runsSpark, Program::restart)
        .containsExactly(true, Restart.always(3));
  }

  @Test
  void theLakeAndTheEventLogsBringTheObjectStoreAndARoleBringsPostgres() {
    assertThat(TOOL.reading(SettingsGroup.KAFKA).settings()).containsOnly(SettingsGroup.KAFKA);
    assertThat(TOOL.reading(SettingsGroup.CATALOG).settings())
        .containsOnly(SettingsGroup.CATALOG, SettingsGroup.OBJECT_STORE);
    assertThat(TOOL.reading(SettingsGroup.EVENT_LOG).settings())
        .containsOnly(SettingsGroup.EVENT_LOG, SettingsGroup.OBJECT_STORE);
    assertThat(TOOL.connectingAs(PostgresRole.ANALYST).settings())
        .containsOnly(SettingsGroup.POSTGRES);
    assertThat(TOOL.connectingAs(PostgresRole.ANALYST).postgresRole())
        .contains(PostgresRole.ANALYST);
  }

  @Test
  void postgresIsDeclaredByItsRoleNotAsASettingsGroup() {
    assertThatThrownBy(() -> TOOL.reading(SettingsGroup.POSTGRES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("some-tool")
        .hasMessageContaining("declare a PostgresRole");
  }
}
