package dev.catcafe.model.monitoring;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.jobs.CatalogEntry;
import dev.catcafe.model.jobs.JobCatalog;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.jobs.SparkJob;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prometheus' configuration and rules for the lakehouse, generated from the job catalog: every
 * entry with a {@link CatalogEntry#metricsPort() metrics port} is a scrape job named after it, and
 * the rules below watch those jobs. The local platform writes {@link #localConfig} and {@link
 * #rulesFile} for its Prometheus; the manifests generator puts {@link #ruleGroups} into a
 * PrometheusRule, so both run the same rules.
 */
public final class PrometheusConfig {
  /** Prometheus' port on the local platform ({@code PROMETHEUS_PORT}); its usual one. */
  public static final int DEFAULT_PORT = 9090;

  /** The rule file's name beside the configuration. */
  public static final String RULES_FILE = "catcafe-rules.yml";

  /** The recorded series the alerting rules read. */
  public static final String OFFSETS_BEHIND_SUM = "catcafe:streaming_offsets_behind_latest:sum";

  public static final String DEAD_LETTER_RATIO = "catcafe:ingest_dead_letter_ratio:rate5m";

  public static final String JOB_DOWN = "CatcafeJobDown";
  public static final String INGESTION_LAG_GROWING = "CatcafeIngestionLagGrowing";
  public static final String NO_HEALTH_ALERTS = "CatcafeNoHealthAlerts";
  public static final String DEAD_LETTERS_HIGH = "CatcafeDeadLettersHigh";
  public static final String BATCH_RUN_FAILED = "CatcafeBatchRunFailed";
  public static final String BATCH_RUN_MISSING = "CatcafeBatchRunMissing";

  private PrometheusConfig() {}

  /** The catalog entries Prometheus scrapes: those with a metrics port, in catalog order. */
  public static List<CatalogEntry> scrapedJobs() {
    return JobCatalog.entries().stream().filter(job -> job.metricsPort().isPresent()).toList();
  }

  /**
   * The local {@code prometheus.yml}: one scrape job per entry of {@code targets} (job name to
   * {@code host:port}; the catalog's ports on 127.0.0.1 for {@code make run}, free ones in tests),
   * the rules of {@link #rulesFile} beside it.
   */
  public static Map<String, Object> localConfig(
      MonitoringPolicy policy, Map<String, String> targets) {
    requireNonNull(policy, "policy is null");
    requireNonNull(targets, "targets is null");
    List<Object> scrapeConfigs = new ArrayList<>();
    targets.forEach(
        (job, target) ->
            scrapeConfigs.add(
                ordered(
                    "job_name",
                    job,
                    "metrics_path",
                    "/metrics",
                    "static_configs",
                    List.of(ordered("targets", List.of(target))))));
    return ordered(
        "global",
        ordered(
            "scrape_interval",
            duration(policy.scrapeInterval()),
            "evaluation_interval",
            duration(policy.scrapeInterval())),
        "rule_files",
        List.of(RULES_FILE),
        "scrape_configs",
        scrapeConfigs);
  }

  /** The catalog's scrape targets on the local machine: job name to {@code 127.0.0.1:port}. */
  public static Map<String, String> localTargets() {
    Map<String, String> targets = new LinkedHashMap<>();
    for (CatalogEntry job : scrapedJobs()) {
      targets.put(job.jobName(), "127.0.0.1:" + job.metricsPort().getAsInt());
    }
    return targets;
  }

  /** The local rule file: {@code groups:} of {@link #ruleGroups} over every scraped job. */
  public static Map<String, Object> rulesFile(MonitoringPolicy policy) {
    return ordered(
        "groups", ruleGroups(policy, scrapedJobs().stream().map(CatalogEntry::jobName).toList()));
  }

  /**
   * The recording and alerting rules over the scraped {@code jobs}, as Prometheus' rule groups (the
   * same shape a PrometheusRule's {@code spec.groups} takes). The batch rules come only with the
   * batch scheduler, which runs locally (the cluster's CronJobs export nothing yet).
   */
  public static List<Map<String, Object>> ruleGroups(MonitoringPolicy policy, List<String> jobs) {
    requireNonNull(policy, "policy is null");
    requireNonNull(jobs, "jobs is null");
    String ingestion = SparkJob.RAW_INGESTION.jobName();
    String guardian = SparkJob.WELLNESS_GUARDIAN.jobName();
    String deadLetters = "rate(%s[5m])".formatted(Metric.INGEST_DEAD_LETTERS.prometheusName());
    String written = "rate(%s[5m])".formatted(Metric.INGEST_ROWS_WRITTEN.prometheusName());
    List<Object> recording =
        List.of(
            ordered(
                "record",
                OFFSETS_BEHIND_SUM,
                "expr",
                "sum by (job, query, topic) (%s)"
                    .formatted(Metric.STREAMING_OFFSETS_BEHIND_LATEST.prometheusName())),
            ordered(
                "record",
                DEAD_LETTER_RATIO,
                "expr",
                "sum by (job, table) (%s) / (sum by (job, table) (%s) + sum by (job, table) (%s))"
                    .formatted(deadLetters, written, deadLetters)));
    List<Object> alerts =
        new ArrayList<>(
            List.of(
                alert(
                    JOB_DOWN,
                    jobDownExpression(jobs),
                    policy.jobDownFor(),
                    "critical",
                    "{{ $labels.job }} is down",
                    "Prometheus has not scraped {{ $labels.job }} (or found no target for it) for "
                        + duration(policy.jobDownFor())
                        + ": the job stopped, crashed, or is restarting in a loop."),
                alert(
                    INGESTION_LAG_GROWING,
                    "deriv(%s{job=\"%s\"}[%s]) > 0 and %s{job=\"%s\"} > 0"
                        .formatted(
                            OFFSETS_BEHIND_SUM,
                            ingestion,
                            duration(policy.lagGrowingFor()),
                            OFFSETS_BEHIND_SUM,
                            ingestion),
                    policy.lagGrowingFor(),
                    "warning",
                    "Ingestion of {{ $labels.topic }} is falling behind",
                    "The raw ingestion's Kafka lag on {{ $labels.topic }} has kept growing for "
                        + duration(policy.lagGrowingFor())
                        + ": it reads less than the topic receives."),
                alert(
                    NO_HEALTH_ALERTS,
                    ("sum by (job) (increase(%s{job=\"%s\"}[%s])) > 0"
                            + " and sum by (job) (increase(%s{job=\"%s\"}[%s])) == 0")
                        .formatted(
                            Metric.STREAMING_INPUT_ROWS.prometheusName(),
                            guardian,
                            duration(policy.alertSilence()),
                            Metric.STREAMING_OUTPUT_ROWS.prometheusName(),
                            guardian,
                            duration(policy.alertSilence())),
                    policy.scrapeInterval().multipliedBy(4),
                    "warning",
                    "Wellness readings flow but no health alert was raised",
                    "The Wellness Guardian read readings for "
                        + duration(policy.alertSilence())
                        + " and wrote no alert: check its thresholds and its Kafka sink."),
                alert(
                    DEAD_LETTERS_HIGH,
                    "%s > %s".formatted(DEAD_LETTER_RATIO, policy.deadLetterRatio()),
                    policy.deadLetterFor(),
                    "warning",
                    "Many dead letters from {{ $labels.table }}",
                    "More than %s%% of the records for {{ $labels.table }} went to ingest_errors for %s."
                        .formatted(
                            policy.deadLetterRatio() * 100, duration(policy.deadLetterFor())))));
    if (jobs.contains(JvmApp.BATCH_SCHEDULER.jobName())) {
      alerts.addAll(batchAlerts(policy));
    }
    return List.of(
        ordered("name", "catcafe-recording", "rules", recording),
        ordered("name", "catcafe-alerts", "rules", alerts));
  }

  private static List<Object> batchAlerts(MonitoringPolicy policy) {
    String window = duration(policy.batchRunMissingAfter());
    return List.of(
        alert(
            BATCH_RUN_FAILED,
            "increase(%s{status=\"%s\"}[%s]) > 0"
                .formatted(Metric.BATCH_RUNS.prometheusName(), Metric.STATUS_FAILURE, window),
            Duration.ZERO,
            "warning",
            "Batch job {{ $labels.batch_job }} failed",
            "A run of {{ $labels.batch_job }} failed within the last "
                + window
                + "; the batch scheduler's log says why, and its tables keep their previous state."),
        alert(
            BATCH_RUN_MISSING,
            "time() - %s > %d"
                .formatted(
                    Metric.BATCH_LAST_SUCCESS.prometheusName(),
                    policy.batchRunMissingAfter().toSeconds()),
            policy.scrapeInterval().multipliedBy(4),
            "warning",
            "Batch job {{ $labels.batch_job }} has not succeeded for " + window,
            "No successful run of {{ $labels.batch_job }} for "
                + window
                + " (since its last success, or since the scheduler started)."));
  }

  /**
   * A scraped job is down when its scrape fails ({@code up == 0}, locally) or when it has no target
   * at all (in the cluster a pod that is gone leaves no target behind).
   */
  static String jobDownExpression(List<String> names) {
    StringBuilder expression =
        new StringBuilder("up{job=~\"%s\"} == 0".formatted(String.join("|", names)));
    for (String name : names) {
      expression.append(" or absent(up{job=\"%s\"})".formatted(name));
    }
    return expression.toString();
  }

  /**
   * A configuration or rule file as text: JSON, which is YAML (Prometheus reads both), after a
   * comment saying where it comes from.
   */
  public static String render(Map<String, Object> tree) {
    StringBuilder text =
        new StringBuilder(
            "# Generated from the job catalog by dev.catcafe.model.monitoring.PrometheusConfig."
                + " Do not edit.\n");
    writeJson(requireNonNull(tree, "tree is null"), "", text);
    return text.append('\n').toString();
  }

  /** Maps, lists, strings and numbers as indented JSON (all these files hold). */
  private static void writeJson(Object value, String indent, StringBuilder text) {
    String inner = indent + "  ";
    if (value instanceof Map<?, ?> map) {
      text.append('{');
      String separator = "\n";
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        text.append(separator).append(inner);
        writeString(entry.getKey().toString(), text);
        text.append(": ");
        writeJson(entry.getValue(), inner, text);
        separator = ",\n";
      }
      text.append('\n').append(indent).append('}');
    } else if (value instanceof List<?> list) {
      text.append('[');
      String separator = "\n";
      for (Object element : list) {
        text.append(separator).append(inner);
        writeJson(element, inner, text);
        separator = ",\n";
      }
      text.append('\n').append(indent).append(']');
    } else if (value instanceof Number || value instanceof Boolean) {
      text.append(value);
    } else {
      writeString(requireNonNull(value, "a null value").toString(), text);
    }
  }

  private static void writeString(String value, StringBuilder text) {
    text.append('"');
    for (char character : value.toCharArray()) {
      switch (character) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        default -> {
          if (character < 0x20) {
            text.append("\\u%04x".formatted((int) character));
          } else {
            text.append(character);
          }
        }
      }
    }
    text.append('"');
  }

  /** Prometheus' duration form: whole seconds ({@code 120s}). */
  public static String duration(Duration duration) {
    return duration.toSeconds() + "s";
  }

  private static Map<String, Object> alert(
      String name,
      String expression,
      Duration window,
      String severity,
      String summary,
      String description) {
    return ordered(
        "alert",
        name,
        "expr",
        expression,
        "for",
        duration(window),
        "labels",
        ordered("severity", severity, "part_of", "catcafe-lakehouse"),
        "annotations",
        ordered("summary", summary, "description", description));
  }

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int index = 0; index < keysAndValues.length; index += 2) {
      map.put((String) keysAndValues[index], keysAndValues[index + 1]);
    }
    return map;
  }

  /** The job names Prometheus scrapes, for messages. */
  public static String scrapedJobNames() {
    return scrapedJobs().stream().map(CatalogEntry::jobName).collect(Collectors.joining(", "));
  }
}
