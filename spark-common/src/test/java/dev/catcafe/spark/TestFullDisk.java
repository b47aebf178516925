package dev.catcafe.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class TestFullDisk {
  @Test
  void recognisesNoSpaceLeftAnywhereInTheCauseChain() {
    Exception wrapped =
        new IllegalStateException(
            "query failed", new UncheckedIOException(new IOException("No space left on device")));
    assertThat(FullDisk.caused(wrapped)).isTrue();
    assertThat(FullDisk.caused(new IllegalStateException("offsets out of range"))).isFalse();
    assertThat(FullDisk.caused(null)).isFalse();
  }

  @Test
  void namesEveryLocationWhenNoneCanBeSeenFull(@TempDir Path roomy) {
    String message =
        FullDisk.explain("The raw ingestion", List.of(roomy.toUri().toString(), "s3://lake/wh"));
    assertThat(message)
        .startsWith("The raw ingestion stopped: No space left on device writing to ")
        .contains(roomy.toUri().toString() + " or s3://lake/wh")
        .contains("resumes from the last complete batch");
  }
}
