package dev.catcafe.simulator.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

final class TestNameList {
  @Test
  void aboutTwoHundredDistinctCatNamesThatFitTheColumn() {
    List<String> names = NameList.catNames().names();
    assertThat(names).hasSizeBetween(190, 250).doesNotHaveDuplicates();
    assertThat(names).allSatisfy(name -> assertThat(name).isNotBlank().hasSizeLessThan(50));
  }

  @Test
  void visitorNamesFitTheColumn() {
    List<String> first = NameList.firstNames().names();
    List<String> last = NameList.lastNames().names();
    assertThat(first).hasSizeGreaterThan(100);
    assertThat(last).hasSizeGreaterThan(100);
    int longest =
        first.stream().mapToInt(String::length).max().orElseThrow()
            + 1
            + last.stream().mapToInt(String::length).max().orElseThrow();
    assertThat(longest).isLessThanOrEqualTo(50);
  }

  @Test
  void commentLinesAreNotNames() {
    assertThat(new HashSet<>(NameList.catNames().names())).noneMatch(name -> name.startsWith("#"));
  }
}
