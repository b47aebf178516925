package dev.catcafe.sparkapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No committed deployment or analyst asset carries a password, token or secret value. */
final class TestNoLiteralSecrets {
  @Test
  void noManifestSupersetAssetOrNotebookContainsASecretValue() {
    Path root = ProjectFiles.root();
    List<Path> files = new ArrayList<>();
    for (String folder : List.of("sparkapps/manifests", "superset", "notebooks")) {
      files.addAll(
          ProjectFiles.filesUnder(root.resolve(folder), ".yaml", ".yml", ".json", ".ipynb"));
    }
    assertThat(files).hasSizeGreaterThan(10);

    List<String> findings = new ArrayList<>();
    for (Path file : files) {
      String source = root.relativize(file).toString();
      String text = ProjectFiles.read(file);
      findings.addAll(
          source.endsWith(".json") || source.endsWith(".ipynb")
              ? SecretScanner.findingsInJson(source, text)
              : SecretScanner.findingsInYaml(source, text));
    }
    assertThat(findings).isEmpty();
  }

  @Test
  void theScannerFindsLiteralSecretsInTheirUsualPlaces() {
    String leaky =
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: s, namespace: catcafe}
        stringData: {x: y}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, namespace: catcafe}
        data:
          spark.sql.catalog.lakehouse.jdbc.password: hunter22
          catalog.properties: |
            connection-url=jdbc:postgresql://db:5432/cafe
            connection-password=hunter22
          uri: trino://superset:hunter22@trino:8080/iceberg
          env.yaml: |
            env:
              - name: POSTGRES_PASSWORD
                value: hunter22
        """;

    assertThat(SecretScanner.findingsInYaml("leaky.yaml", leaky))
        .hasSize(5)
        .anySatisfy(finding -> assertThat(finding).contains("Secret with data"))
        .anySatisfy(finding -> assertThat(finding).contains("jdbc.password"))
        .anySatisfy(finding -> assertThat(finding).contains("connection-password"))
        .anySatisfy(finding -> assertThat(finding).contains("URI with a password"))
        .anySatisfy(finding -> assertThat(finding).contains("POSTGRES_PASSWORD"));
  }

  @Test
  void referencesToSecretsAreNotFindings() {
    String referencing =
        """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, namespace: catcafe}
        data:
          catalog.properties: |
            connection-password=${ENV:POSTGRES_PASSWORD}
          uri: trino://superset@trino:8080/iceberg
          env.yaml: |
            env:
              - name: POSTGRES_PASSWORD
                valueFrom:
                  secretKeyRef: {name: catcafe-credentials, key: postgres-password}
            existingSecret: catcafe-credentials
        """;

    assertThat(SecretScanner.findingsInYaml("referencing.yaml", referencing)).isEmpty();
  }
}
