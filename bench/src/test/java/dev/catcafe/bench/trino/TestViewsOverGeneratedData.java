package dev.catcafe.bench.trino;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

final class TestViewsOverGeneratedData {
  @Test
  void aMonthOfFreshDataInTheBenchmarksOwnNamespaceByDefault() {
    ViewsOverGeneratedData data = new ViewsOverGeneratedData("cafe_views_bench");
    new CommandLine(data).parseArgs();

    assertThat(data.days()).isEqualTo(30);
    assertThat(data.lake().namespace()).isEqualTo("cafe_views_bench");
    assertThat(data.lake().generate()).isTrue();
  }

  @Test
  void theOptionsOfBothTrinoBenchmarksSetTheDataSet() {
    ViewsOverGeneratedData data = new ViewsOverGeneratedData("cafe_dashboard_bench");
    new CommandLine(data)
        .parseArgs("--days", "7", "--bench-namespace", "elsewhere", "--skip-generate");

    assertThat(data.days()).isEqualTo(7);
    assertThat(data.lake().namespace()).isEqualTo("elsewhere");
    assertThat(data.lake().generate()).isFalse();
  }
}
