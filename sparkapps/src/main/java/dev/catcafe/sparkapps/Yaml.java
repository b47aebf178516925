package dev.catcafe.sparkapps;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Manifests are built as ordered maps and lists (the YAML shape, nothing more) and written in one
 * stable style, so regenerating gives byte-identical files and a diff shows only real changes.
 */
public final class Yaml {
  private static final YAMLMapper MAPPER =
      new YAMLMapper(
          YAMLFactory.builder()
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              // "4", "true": Kubernetes wants these strings to stay strings (sparkConf, env
              // values).
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .build());

  private Yaml() {}

  /** An ordered map of alternating keys and values; null values are left out. */
  public static Map<String, Object> map(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      String key = (String) requireNonNull(keysAndValues[i], "key is null");
      Object value = keysAndValues[i + 1];
      if (value != null) {
        if (map.put(key, value) != null) {
          throw new IllegalArgumentException("duplicate key " + key);
        }
      }
    }
    return map;
  }

  /**
   * A Kubernetes object: its {@code apiVersion}, {@code kind} and {@code metadata} first, then the
   * rest's keys and values in their order ({@code spec}, {@code data}, ...), as {@link #map}.
   */
  public static Map<String, Object> resource(
      String apiVersion, String kind, Map<String, Object> metadata, Object... rest) {
    Map<String, Object> resource =
        map(
            "apiVersion",
            requireNonNull(apiVersion, "apiVersion is null"),
            "kind",
            requireNonNull(kind, "kind is null"),
            "metadata",
            requireNonNull(metadata, "metadata is null"));
    map(rest)
        .forEach(
            (key, value) -> {
              if (resource.put(key, value) != null) {
                throw new IllegalArgumentException("duplicate key " + key);
              }
            });
    return resource;
  }

  /** A ConfigMap holding {@code data}. */
  public static Map<String, Object> configMap(Map<String, Object> metadata, Map<String, ?> data) {
    return resource("v1", "ConfigMap", metadata, "data", data);
  }

  /** Standard object metadata: name, namespace, and the project's labels. */
  public static Map<String, Object> metadata(String name, String namespace, String component) {
    return metadata(name, namespace, labels(component));
  }

  /** Object metadata with the given labels (the project's, plus an operator's). */
  public static Map<String, Object> metadata(
      String name, String namespace, Map<String, Object> labels) {
    return map("name", name, "namespace", namespace, "labels", labels);
  }

  /** The labels every object of the project carries. */
  public static Map<String, Object> labels(String component) {
    return map(
        "app.kubernetes.io/part-of",
        "catcafe-lakehouse",
        "app.kubernetes.io/component",
        requireNonNull(component, "component is null"));
  }

  /** One YAML document, without the leading {@code ---}. */
  public static String document(Object tree) {
    try {
      String text = MAPPER.writeValueAsString(requireNonNull(tree, "tree is null"));
      return text.startsWith("---\n") ? text.substring(4) : text;
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file of documents separated by {@code ---}, after a comment header. */
  public static String file(String header, List<?> documents) {
    requireNonNull(header, "header is null");
    StringBuilder text = new StringBuilder();
    header.lines().forEach(line -> text.append("# ").append(line).append('\n'));
    for (Object document : documents) {
      text.append("---\n").append(document(document));
    }
    return text.toString();
  }
}
