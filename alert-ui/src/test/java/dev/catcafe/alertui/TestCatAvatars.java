package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.CoatColor;
import dev.catcafe.model.CoatLength;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class TestCatAvatars {
  @Test
  void everyCoatDrawsItsOwnAvatar() {
    Set<String> drawings = new HashSet<>();
    for (CoatColor color : CoatColor.values()) {
      for (CoatLength length : CoatLength.values()) {
        String svg = CatAvatars.svg(Optional.of(color), Optional.of(length));
        assertThat(svg).startsWith("<svg").endsWith("</svg>").contains(CatAvatars.furColor(color));
        drawings.add(svg);
      }
    }

    assertThat(drawings).hasSize(CoatColor.values().length * CoatLength.values().length);
  }

  @Test
  void unknownCoatsDrawGreyAndNeverEchoTheirInput() {
    String svg = CatAvatars.svg("<script>alert(1)</script>", "\"onload=x");

    assertThat(svg).contains("#cbd5e1").doesNotContain("script").doesNotContain("onload");
  }

  @Test
  void pathSegmentsParseCaseInsensitively() {
    assertThat(CatAvatars.svg("Calico", "LONG"))
        .isEqualTo(CatAvatars.svg(Optional.of(CoatColor.CALICO), Optional.of(CoatLength.LONG)));
  }
}
