package dev.catcafe.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

final class TestCommandFailures {
  @Test
  void reportsOneLineWithoutAStackTraceAndExitsOne() {
    StringWriter err = new StringWriter();

    int status =
        CommandFailures.report(
            new PrintWriter(err), "Seeding failed", new SQLException("cannot connect"));

    assertThat(status).isEqualTo(1);
    assertThat(err.toString()).isEqualTo("Seeding failed: cannot connect" + System.lineSeparator());
  }
}
