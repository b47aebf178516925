package dev.catcafe.sparkapps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Files of the project tree the tests read (manifests, sources of other modules, assets). */
final class ProjectFiles {
  private ProjectFiles() {}

  /** The project root: set by surefire; else the parent of the module directory. */
  static Path root() {
    String configured = System.getProperty("catcafe.project.root");
    Path root =
        configured == null || configured.isBlank()
            ? Path.of("").toAbsolutePath().getParent()
            : Path.of(configured).toAbsolutePath();
    if (!Files.isRegularFile(root.resolve("sparkapps/pom.xml"))) {
      throw new IllegalStateException("not the project root: " + root);
    }
    return root;
  }

  static Path manifests() {
    return root().resolve("sparkapps/manifests");
  }

  static String read(Path path) {
    try {
      return Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Regular files under {@code directory} whose name ends with one of {@code suffixes}, sorted. */
  static List<Path> filesUnder(Path directory, String... suffixes) {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      return paths
          .filter(Files::isRegularFile)
          .filter(path -> Stream.of(suffixes).anyMatch(path.toString()::endsWith))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The source file of a class in a module, e.g. {@code batch/src/main/java/dev/…/Job.java}. */
  static Path sourceOf(String module, String className) {
    return root()
        .resolve(module)
        .resolve("src/main/java")
        .resolve(className.replace('.', '/') + ".java");
  }
}
