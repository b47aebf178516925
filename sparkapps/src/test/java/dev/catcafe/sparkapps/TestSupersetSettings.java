package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Superset's shared settings have one home, {@code superset/catcafe_settings.py}: the local
 * configuration and the cluster's Helm values import the same names from it, the image carries it,
 * and neither place sets one of those names itself (a flag set twice drifts apart).
 */
final class TestSupersetSettings {
  private static final Path SUPERSET = ProjectFiles.root().resolve("superset");
  private static final Pattern IMPORT =
      Pattern.compile("^from catcafe_settings import ([A-Z_, ]+)", Pattern.MULTILINE);
  private static final Pattern ASSIGNMENT =
      Pattern.compile("^([A-Z][A-Z_]*) = ", Pattern.MULTILINE);

  @Test
  void theLocalConfigurationAndTheClusterImportTheSameSettingsFromTheSharedFile() {
    Set<String> shared = assigned(ProjectFiles.read(SUPERSET.resolve("catcafe_settings.py")));
    assertThat(shared).contains("FEATURE_FLAGS", "THEME_DEFAULT", "THEME_DARK");

    String local = ProjectFiles.read(SUPERSET.resolve("superset_config.py"));
    assertThat(imported(local)).containsExactlyInAnyOrderElementsOf(shared);
    assertThat(assigned(local)).doesNotContainAnyElementsOf(shared);

    List<String> overrides = new ArrayList<>();
    JsonNode values =
        WorkloadEnvironment.documents(ProjectFiles.manifests(), "helm/superset-values.yaml").get(0);
    values.path("configOverrides").forEach(snippet -> overrides.add(snippet.asText()));
    String cluster = String.join("\n", overrides);
    assertThat(imported(cluster)).containsExactlyInAnyOrderElementsOf(shared);
    assertThat(assigned(cluster)).doesNotContainAnyElementsOf(shared);
    assertThat(cluster).contains("sys.path.insert(0, \"/app/catcafe\")");
  }

  @Test
  void theImageCarriesTheSharedFileWhereTheClusterLooksForIt() {
    assertThat(ProjectFiles.read(SUPERSET.resolve("Dockerfile")))
        .containsPattern("(?m)^COPY .*\\bcatcafe_settings\\.py\\b.* /app/catcafe/$");
  }

  private static Set<String> imported(String python) {
    return IMPORT
        .matcher(python)
        .results()
        .flatMap(match -> Arrays.stream(match.group(1).split(",")))
        .map(String::strip)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static Set<String> assigned(String python) {
    return ASSIGNMENT
        .matcher(python)
        .results()
        .map(match -> match.group(1))
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }
}
