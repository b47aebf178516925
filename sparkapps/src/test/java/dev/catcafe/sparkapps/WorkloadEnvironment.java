package dev.catcafe.sparkapps;

import com.fasterxml.jackson.databind.JsonNode;
import dev.catcafe.model.jobs.CatalogEntry;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.jobs.SparkJob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment entries ({@code {name, value|valueFrom}}) of generated manifests, by variable
 * name, and which catalog entries each workload file runs.
 */
final class WorkloadEnvironment {
  private WorkloadEnvironment() {}

  /** Every generated workload file of a catalog entry, with the entries its pods run. */
  static Map<String, List<CatalogEntry>> catalogWorkloads() {
    Map<String, List<CatalogEntry>> entriesByFile = new LinkedHashMap<>();
    for (SparkJob job : SparkJob.values()) {
      entriesByFile.put("generated/spark-" + job.jobName() + ".yaml", List.of(job));
    }
    entriesByFile.put("generated/app-alert-ui.yaml", List.of(JvmApp.ALERT_UI));
    entriesByFile.put(
        "generated/app-simulator.yaml", List.of(JvmApp.SIMULATOR_SEED, JvmApp.SIMULATOR_PRODUCER));
    return entriesByFile;
  }

  /** Every environment entry of {@code file} (relative to {@code root}), by name. */
  static Map<String, List<JsonNode>> of(Path root, String file) {
    Map<String, List<JsonNode>> env = new LinkedHashMap<>();
    documents(root, file).forEach(document -> collect(document, env));
    return env;
  }

  /** Every environment entry under {@code node}, added to {@code env} by name. */
  static void collect(JsonNode node, Map<String, List<JsonNode>> env) {
    if (node.isObject()
        && node.has("name")
        && node.path("name").isTextual()
        && (node.has("value") || node.has("valueFrom"))) {
      env.computeIfAbsent(node.path("name").asText(), name -> new ArrayList<>()).add(node);
    }
    node.forEach(child -> collect(child, env));
  }

  /** The Secrets the entries read ({@code <none>} for an entry without a secretKeyRef). */
  static List<String> secrets(List<JsonNode> entries) {
    return entries.stream()
        .map(entry -> entry.path("valueFrom").path("secretKeyRef").path("name").asText("<none>"))
        .toList();
  }

  /** The literal values of the entries ({@code <none>} for an entry without one). */
  static List<String> values(List<JsonNode> entries) {
    return entries.stream().map(entry -> entry.path("value").asText("<none>")).toList();
  }

  static List<JsonNode> documents(Path root, String file) {
    return ManifestDocument.parse(file, ProjectFiles.read(root.resolve(file))).stream()
        .map(ManifestDocument::tree)
        .toList();
  }
}
