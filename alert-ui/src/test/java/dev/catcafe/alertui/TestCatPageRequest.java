package dev.catcafe.alertui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catcafe.model.CatStatus;
import org.junit.jupiter.api.Test;

final class TestCatPageRequest {
  @Test
  void defaultsAreTheOriginals() {
    CatPageRequest request = CatPageRequest.parse(null, null, null);

    assertThat(request).isEqualTo(new CatPageRequest(CatStatus.AVAILABLE, 1, 6));
    assertThat(request.offset()).isZero();
  }

  @Test
  void parsesAllParameters() {
    CatPageRequest request = CatPageRequest.parse("adopted", "3", "10");

    assertThat(request).isEqualTo(new CatPageRequest(CatStatus.ADOPTED, 3, 10));
    assertThat(request.offset()).isEqualTo(20);
  }

  @Test
  void badValuesAreRejected() {
    assertThatThrownBy(() -> CatPageRequest.parse("sleeping", "1", "6"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid status");
    assertThatThrownBy(() -> CatPageRequest.parse("ADOPTED'--", "1", "6"))
        .hasMessage("Invalid status");
    assertThatThrownBy(() -> CatPageRequest.parse("available", "0", "6"))
        .hasMessageContaining("page");
    assertThatThrownBy(() -> CatPageRequest.parse("available", "x", "6"))
        .hasMessageContaining("page");
    assertThatThrownBy(() -> CatPageRequest.parse("available", "1", "0"))
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> CatPageRequest.parse("available", "1", "101"))
        .hasMessageContaining("limit");
  }

  @Test
  void totalPagesRoundsUp() {
    assertThat(CatPageRequest.totalPages(0, 6)).isZero();
    assertThat(CatPageRequest.totalPages(6, 6)).isEqualTo(1);
    assertThat(CatPageRequest.totalPages(7, 6)).isEqualTo(2);
    assertThat(CatPageRequest.totalPages(996, 6)).isEqualTo(166);
  }
}
