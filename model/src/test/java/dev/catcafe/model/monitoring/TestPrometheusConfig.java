package dev.catcafe.model.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.model.jobs.CatalogEntry;
import dev.catcafe.model.jobs.JobCatalog;
import dev.catcafe.model.jobs.JobKind;
import dev.catcafe.model.jobs.SparkJob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated scrape configuration covers exactly the catalog's jobs with a metrics port, the
 * rules read only metrics that some exporter declares, and Prometheus' own checker ({@code
 * promtool}, from Debian's prometheus package that {@code bin/ensure-os-packages} installs) accepts
 * both files.
 */
final class TestPrometheusConfig {
  private static final Pattern SERIES = Pattern.compile("catcafe[:_][a-z0-9_:]+");

  @Test
  void everyLongRunningProgramHasItsOwnMetricsPortAndIsScraped() {
    List<String> streaming =
        Arrays.stream(SparkJob.values())
            .filter(job -> job.kind() == JobKind.STREAMING)
            .map(SparkJob::jobName)
            .toList();
    assertThat(PrometheusConfig.localTargets())
        .containsExactly(
            Map.entry("raw-ingestion", "127.0.0.1:9401"),
            Map.entry("wellness-guardian", "127.0.0.1:9402"),
            Map.entry("adopter-detective", "127.0.0.1:9403"),
            Map.entry("alert-ui", "127.0.0.1:9405"),
            Map.entry("event-producer", "127.0.0.1:9406"),
            Map.entry("batch-scheduler", "127.0.0.1:9404"));
    assertThat(PrometheusConfig.localTargets().keySet()).containsAll(streaming);
    List<Integer> ports =
        JobCatalog.entries().stream()
            .map(CatalogEntry::metricsPort)
            .filter(port -> port.isPresent())
            .map(port -> port.getAsInt())
            .toList();
    assertThat(new HashSet<>(ports))
        .hasSameSizeAs(ports)
        .doesNotContain(PrometheusConfig.DEFAULT_PORT);
  }

  @Test
  void theRulesReadOnlyDeclaredMetricsAndRecordedSeries() {
    Set<String> known = new HashSet<>();
    for (Metric metric : Metric.values()) {
      known.add(metric.prometheusName());
    }
    known.add(PrometheusConfig.OFFSETS_BEHIND_SUM);
    known.add(PrometheusConfig.DEAD_LETTER_RATIO);
    String rules = PrometheusConfig.render(PrometheusConfig.rulesFile(MonitoringPolicy.DEFAULT));
    Matcher series = SERIES.matcher(rules.replaceAll("\"(record|alert)\": \"[^\"]*\"", ""));
    int found = 0;
    while (series.find()) {
      assertThat(known).as("series in the rules").contains(series.group());
      found++;
    }
    assertThat(found).isGreaterThan(5);
    assertThat(rules)
        .contains(PrometheusConfig.JOB_DOWN)
        .contains(PrometheusConfig.INGESTION_LAG_GROWING)
        .contains(PrometheusConfig.NO_HEALTH_ALERTS)
        .contains(PrometheusConfig.DEAD_LETTERS_HIGH)
        .contains(PrometheusConfig.BATCH_RUN_FAILED)
        .contains(PrometheusConfig.BATCH_RUN_MISSING)
        .contains("\"for\": \"120s\"");
  }

  @Test
  void theJobDownRuleCoversAFailedScrapeAndAMissingTarget() {
    assertThat(
            PrometheusConfig.jobDownExpression(
                List.of("raw-ingestion", "wellness-guardian", "adopter-detective")))
        .isEqualTo(
            "up{job=~\"raw-ingestion|wellness-guardian|adopter-detective\"} == 0"
                + " or absent(up{job=\"raw-ingestion\"})"
                + " or absent(up{job=\"wellness-guardian\"})"
                + " or absent(up{job=\"adopter-detective\"})");
  }

  @Test
  void theBatchRulesComeOnlyWithTheBatchScheduler() {
    assertThat(
            PrometheusConfig.ruleGroups(MonitoringPolicy.DEFAULT, List.of("raw-ingestion"))
                .toString())
        .doesNotContain(PrometheusConfig.BATCH_RUN_FAILED)
        .doesNotContain("batch-scheduler");
  }

  @Test
  void rendersJsonThatEscapesQuotes() {
    assertThat(
            PrometheusConfig.render(
                Map.of("expr", List.of("up{job=\"a\\b\"}\n", 2, Map.of("x", 1.5)))))
        .endsWith(
            """
            {
              "expr": [
                "up{job=\\"a\\\\b\\"}\\n",
                2,
                {
                  "x": 1.5
                }
              ]
            }
            """);
  }

  @Test
  void promtoolAcceptsTheConfigurationAndTheRules(@TempDir Path directory)
      throws IOException, InterruptedException {
    MonitoringPolicy policy =
        MonitoringPolicy.DEFAULT.withJobDownFor(Duration.ofSeconds(1), Duration.ofSeconds(3));
    Files.writeString(
        directory.resolve("prometheus.yml"),
        PrometheusConfig.render(
            PrometheusConfig.localConfig(policy, PrometheusConfig.localTargets())));
    Files.writeString(
        directory.resolve(PrometheusConfig.RULES_FILE),
        PrometheusConfig.render(PrometheusConfig.rulesFile(policy)));
    Process check =
        new ProcessBuilder("promtool", "check", "config", "prometheus.yml")
            .directory(directory.toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(check.waitFor()).as(output).isZero();
    assertThat(output).contains("SUCCESS: 8 rules found");
  }
}
