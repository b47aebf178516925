package dev.catcafe.sparkapps;

import dev.catcafe.model.cli.Commands;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes the generated manifests under {@code sparkapps/manifests} (and removes generated files no
 * job declares any more). {@code --check} writes nothing and fails if a file is out of date.
 *
 * <pre>bin/run sparkapps dev.catcafe.sparkapps.ManifestGenerator [--check]</pre>
 */
@Command(
    name = "manifest-generator",
    description = "Generates the Kubernetes manifests from the job declarations.")
public final class ManifestGenerator implements Callable<Integer> {
  @Option(
      names = "--output",
      defaultValue = "${env:CATCAFE_PROJECT_ROOT:-.}/sparkapps/manifests",
      description = "The manifests folder.")
  private Path output;

  @Option(names = "--check", description = "Only compare; exit 1 if a file differs.")
  private boolean check;

  public static void main(String[] args) {
    Commands.run(new ManifestGenerator(), args);
  }

  @Override
  public Integer call() throws IOException {
    Map<String, String> files = Manifests.generateAll(ClusterProfile.defaults());
    List<String> stale = differences(output, files);
    if (check) {
      stale.forEach(path -> System.err.println("out of date: " + path));
      if (!stale.isEmpty()) {
        System.err.println("run `make manifests` and commit the result");
      }
      return stale.isEmpty() ? 0 : 1;
    }
    write(output, files);
    System.out.printf("%d manifest files in %s (%d changed)%n", files.size(), output, stale.size());
    return 0;
  }

  /** Paths whose content differs from {@code files}, plus generated files nobody declares. */
  public static List<String> differences(Path root, Map<String, String> files) throws IOException {
    List<String> differing = new ArrayList<>();
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = root.resolve(file.getKey());
      if (!Files.isRegularFile(path)
          || !Files.readString(path, StandardCharsets.UTF_8).equals(file.getValue())) {
        differing.add(file.getKey());
      }
    }
    for (Path orphan : orphans(root, files)) {
      differing.add(root.relativize(orphan).toString());
    }
    return differing;
  }

  private static void write(Path root, Map<String, String> files) throws IOException {
    for (Path orphan : orphans(root, files)) {
      Files.delete(orphan);
    }
    for (Map.Entry<String, String> file : files.entrySet()) {
      Path path = root.resolve(file.getKey());
      Files.createDirectories(path.getParent());
      Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
    }
  }

  private static List<Path> orphans(Path root, Map<String, String> files) throws IOException {
    List<Path> orphans = new ArrayList<>();
    for (Path generated :
        List.of(
            root.resolve(Manifests.GENERATED),
            root.resolve(Manifests.CLOUD_STORAGE).resolve(Manifests.GENERATED))) {
      if (!Files.isDirectory(generated)) {
        continue;
      }
      try (Stream<Path> paths = Files.list(generated)) {
        paths
            .filter(path -> !files.containsKey(root.relativize(path).toString()))
            .sorted()
            .forEach(orphans::add);
      }
    }
    return orphans;
  }
}
