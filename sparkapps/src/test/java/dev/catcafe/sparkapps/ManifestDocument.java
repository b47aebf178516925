package dev.catcafe.sparkapps;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One YAML document of a manifest file, with where it came from. SparkApplications embedded in the
 * batch jobs' template ConfigMaps are documents of their own, so they are checked like the rest.
 */
record ManifestDocument(String source, JsonNode tree) {
  static final YAMLMapper YAML = new YAMLMapper();

  ManifestDocument {
    requireNonNull(source, "source is null");
    requireNonNull(tree, "tree is null");
  }

  String kind() {
    return tree.path("kind").asText("");
  }

  String apiVersion() {
    return tree.path("apiVersion").asText("");
  }

  String name() {
    JsonNode metadata = tree.path("metadata");
    return metadata.has("name")
        ? metadata.path("name").asText()
        : metadata.path("generateName").asText();
  }

  @Override
  public String toString() {
    return "%s %s in %s".formatted(kind(), name(), source);
  }

  /**
   * Every Kubernetes document of every manifest of the shipped variant (Helm values files are not
   * manifests; the cloud-storage variant is {@link #cloudStorage}).
   */
  static List<ManifestDocument> all() {
    return under(ProjectFiles.manifests(), Path.of(Manifests.CLOUD_STORAGE));
  }

  /** The documents of the variant on the cloud's S3 with pod identity. */
  static List<ManifestDocument> cloudStorage() {
    return under(ProjectFiles.manifests().resolve(Manifests.CLOUD_STORAGE), Path.of("none"));
  }

  private static List<ManifestDocument> under(Path root, Path excluded) {
    List<ManifestDocument> documents = new ArrayList<>();
    for (Path file : ProjectFiles.filesUnder(root, ".yaml", ".yml")) {
      Path relative = root.relativize(file);
      if (relative.startsWith("helm") || relative.startsWith(excluded)) {
        continue;
      }
      documents.addAll(parse(relative.toString(), ProjectFiles.read(file)));
    }
    return documents;
  }

  /** The documents of one YAML text, and those embedded in its ConfigMaps' YAML values. */
  static List<ManifestDocument> parse(String source, String text) {
    List<ManifestDocument> documents = new ArrayList<>();
    try (var parser = new YAMLFactory().createParser(text)) {
      ObjectMapper mapper = YAML;
      var iterator = mapper.readValues(parser, JsonNode.class);
      while (iterator.hasNext()) {
        JsonNode tree = iterator.next();
        if (tree == null || tree.isNull() || tree.isMissingNode()) {
          continue;
        }
        ManifestDocument document = new ManifestDocument(source, tree);
        documents.add(document);
        if (document.kind().equals("ConfigMap")) {
          tree.path("data")
              .properties()
              .forEach(
                  entry -> {
                    if (entry.getKey().endsWith(".yaml")) {
                      documents.addAll(
                          parse(
                              source + " > " + document.name() + "/" + entry.getKey(),
                              entry.getValue().asText()));
                    }
                  });
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + source, e);
    }
    return documents;
  }
}
