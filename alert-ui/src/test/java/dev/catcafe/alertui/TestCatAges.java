package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class TestCatAges {
  @Test
  void zeroMonthsIsAKitten() {
    assertThat(CatAges.describe(0)).isEqualTo("Kitten (<1 month)");
  }

  @Test
  void monthsSplitIntoYearsAndMonths() {
    assertThat(CatAges.describe(1)).isEqualTo("Age 0 years, 1 month");
    assertThat(CatAges.describe(12)).isEqualTo("Age 1 year, 0 months");
    assertThat(CatAges.describe(13)).isEqualTo("Age 1 year, 1 month");
    assertThat(CatAges.describe(29)).isEqualTo("Age 2 years, 5 months");
  }

  @Test
  void missingAgeIsUnknown() {
    assertThat(CatAges.describe(null)).isEqualTo("Age unknown");
    assertThat(CatAges.describe(-3)).isEqualTo("Age unknown");
  }

  @Test
  void coatReadsColourThenLength() {
    assertThat(CatAges.coat("tabby", "short")).isEqualTo("tabby short coat");
    assertThat(CatAges.coat(null, "long")).isEqualTo("long coat");
    assertThat(CatAges.coat(null, null)).isEqualTo("coat");
  }
}
