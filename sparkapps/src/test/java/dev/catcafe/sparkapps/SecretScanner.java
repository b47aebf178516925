package dev.catcafe.sparkapps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds secret values written into committed files: a password-like key or environment variable
 * with a literal value, a {@code password=…} properties line inside a multi-line value (Trino
 * catalogs; YAML inside values is parsed and walked as a document of its own), a URI with a
 * password in it, a Kubernetes Secret with data. References are fine: {@code secretKeyRef}, {@code
 * ${ENV:…}}, {@code ${…}}, {@code $(…)}, {@code {{ … }}}, {@code os.environ}.
 */
final class SecretScanner {
  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(password|passwd|secret|token|api[-_]?key|credential).*");

  /** Keys whose value names a Secret object (or is a reference structure), not a secret. */
  private static final Set<String> NAMES_OF_SECRETS =
      Set.of(
          "secretName",
          "existingSecret",
          "envFromSecret",
          "secretKeyRef",
          "secretRef",
          "secretEnv",
          "envFromSecrets",
          // The Trino chart's Secret holding password.db (hashes), by name.
          "passwordAuthSecret");

  private static final Pattern REFERENCE =
      Pattern.compile(
          "^(\\$\\{[^}]+\\}|\\$\\([A-Z_][A-Z0-9_]*\\)|\\{\\{.*\\}\\}|os\\.environ.*|\"?\"?)$");

  private static final Pattern PROPERTY_LINE =
      Pattern.compile(
          "(?im)^[ \\t]*([\\w.\\-]*(?:password|passwd|secret|token)[\\w.\\-]*)[ \\t]*=[ \\t]*(\\S.*?)[ \\t]*$");

  private static final Pattern URI_WITH_PASSWORD =
      Pattern.compile("[a-z][a-z0-9+.\\-]*://[^/\\s:@]+:([^/\\s@]+)@");

  private SecretScanner() {}

  static List<String> findings(String source, JsonNode tree) {
    List<String> findings = new ArrayList<>();
    if (tree.path("kind").asText().equals("Secret")
        && (tree.has("data") || tree.has("stringData"))) {
      findings.add(source + ": a Secret with data is committed");
    }
    walk(source, "", tree, findings);
    return findings;
  }

  static List<String> findingsInJson(String source, String json) {
    try {
      return findings(source, new ObjectMapper().readTree(json));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse " + source, e);
    }
  }

  static List<String> findingsInYaml(String source, String yaml) {
    return ManifestDocument.parse(source, yaml).stream()
        .flatMap(document -> findings(document.source(), document.tree()).stream())
        .toList();
  }

  private static void walk(String source, String path, JsonNode node, List<String> findings) {
    if (node.isTextual()) {
      scanText(source, path, node.asText(), findings);
      return;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(source, path + "[" + i + "]", node.get(i), findings);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    // An environment entry: {name: POSTGRES_PASSWORD, value: literal}.
    if (node.path("name").isTextual()
        && SECRET_NAME.matcher(node.path("name").asText()).matches()
        && node.path("value").isTextual()
        && !isReference(node.path("value").asText())) {
      findings.add(
          "%s: %s has the literal value of %s".formatted(source, path, node.path("name").asText()));
    }
    node.properties()
        .forEach(
            entry -> {
              String key = entry.getKey();
              JsonNode value = entry.getValue();
              String childPath = path + "." + key;
              if (value.isValueNode()
                  && !value.isNull()
                  && !NAMES_OF_SECRETS.contains(key)
                  && SECRET_NAME.matcher(key).matches()
                  && !(value.isBoolean())
                  && !isReference(value.asText())) {
                findings.add("%s: %s holds a literal secret".formatted(source, childPath));
              }
              walk(source, childPath, value, findings);
            });
  }

  private static void scanText(String source, String path, String text, List<String> findings) {
    Matcher line = PROPERTY_LINE.matcher(text);
    while (line.find()) {
      if (!isReference(line.group(2))) {
        findings.add("%s: %s sets %s to a literal".formatted(source, path, line.group(1)));
      }
    }
    Matcher uri = URI_WITH_PASSWORD.matcher(text);
    while (uri.find()) {
      if (!isReference(uri.group(1))) {
        findings.add("%s: %s has a URI with a password".formatted(source, path));
      }
    }
  }

  private static boolean isReference(String value) {
    return REFERENCE.matcher(value.strip()).matches();
  }
}
