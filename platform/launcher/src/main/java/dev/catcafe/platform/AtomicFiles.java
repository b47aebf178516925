package dev.catcafe.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files the platform rewrites while others may read them: replaced whole, never half-written. */
final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Writes {@code text} to a temporary file beside {@code file} and moves it over {@code file}.
   *
   * @param ownerOnly create it readable by its owner only (it holds passwords)
   */
  static void replace(Path file, String text, boolean ownerOnly) {
    try {
      Files.createDirectories(file.getParent());
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(temporary);
      if (ownerOnly) {
        Files.createFile(
            temporary,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      }
      Files.writeString(temporary, text);
      Files.move(
          temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
