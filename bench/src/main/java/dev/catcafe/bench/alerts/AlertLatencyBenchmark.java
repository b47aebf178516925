package dev.catcafe.bench.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.bench.BenchTopics;
import dev.catcafe.bench.BenchmarkCommand;
import dev.catcafe.bench.Percentiles;
import dev.catcafe.bench.ScrapedMetrics;
import dev.catcafe.bench.ScrapedMetricsOption;
import dev.catcafe.model.EventTimes;
import dev.catcafe.model.Topic;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.cli.KafkaOptions;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.spark.SparkMasterOption;
import dev.catcafe.spark.SparkSessions;
import dev.catcafe.streaming.alerts.AdopterDetectiveConfig;
import dev.catcafe.streaming.alerts.AdopterDetectiveJob;
import dev.catcafe.streaming.alerts.AdopterDetectiveRules;
import dev.catcafe.streaming.alerts.AlertJobListeners;
import dev.catcafe.streaming.alerts.AlertJobMode;
import dev.catcafe.streaming.alerts.AlertStream;
import dev.catcafe.streaming.alerts.WellnessGuardianConfig;
import dev.catcafe.streaming.alerts.WellnessGuardianJob;
import dev.catcafe.streaming.alerts.WellnessThresholds;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Event-to-alert latency of the alert jobs on the real broker: drives events at each rate with a
 * controlled share of anomalies, runs the Wellness Guardian and the Adopter Detective, each in
 * real-time and in micro-batch mode, one after another, and prints p50/p90/p99 of (time the alert
 * is received − its event's {@code event_time}) for each, with the machine it ran on. Each run uses
 * topics of its own (a fresh prefix), so runs never see each other's events.
 *
 * <pre>bin/run bench dev.catcafe.bench.alerts.AlertLatencyBenchmark</pre>
 */
@Command(
    name = "alert-latency-benchmark",
    description = "Measures event-to-alert latency of the Wellness Guardian and Adopter Detective.")
public final class AlertLatencyBenchmark implements Callable<Integer> {
  private static final int CATS = 250;
  private static final int ACTIVE_VISITORS = 100;
  private static final int LIKES_PER_VISITOR = 5;
  private static final List<String> RUNS =
      List.of(
          "guardian-realtime", "guardian-microbatch", "detective-realtime", "detective-microbatch");

  @Mixin BenchmarkCommand command;
  @Mixin KafkaOptions kafka;

  @Option(
      names = "--rates",
      split = ",",
      defaultValue = "1000,10000",
      description = "Events per second to drive, one run each.")
  List<Integer> rates;

  @Option(
      names = "--runs",
      split = ",",
      defaultValue =
          "guardian-realtime,guardian-microbatch,detective-realtime,detective-microbatch",
      description = "Which jobs to run, in order.")
  List<String> runs;

  @Option(
      names = "--warmup",
      defaultValue = "PT120S",
      description =
          "Driving time before measuring, after the first alert shows the query is running. The"
              + " JIT compiles Spark's planner for the first minutes (C2 took ~0.7 core for the"
              + " first minute on 2 cores); a job runs for days, so latency is measured after.")
  Duration warmup;

  @Option(names = "--measure", defaultValue = "PT30S", description = "Measured driving time.")
  Duration measure;

  @Option(
      names = "--anomaly-share",
      defaultValue = "0.01",
      description = "Share of wellness readings that are dehydrated (raise an alert).")
  double anomalyShare;

  @Option(
      names = "--like-share",
      defaultValue = "0.05",
      description =
          "Share of interactions that are likes; each visitor likes 5 cats, so 2 of every 5 likes"
              + " raise an alert.")
  double likeShare;

  @Option(
      names = "--realtime-interval",
      description =
          "Real-time mode's checkpoint interval (ISO-8601). Default: the jobs' own"
              + " (PT5M). A shorter one puts a batch boundary, and its stall, inside the run.")
  Duration realtimeInterval;

  @Option(
      names = "--detective-trigger",
      defaultValue = AdopterDetectiveConfig.DEFAULT_TRIGGER_INTERVAL,
      description =
          "The micro-batch Detective's trigger interval; the job's own default, so the figure is what it"
              + " runs with. 0s runs batches back to back.")
  Duration detectiveTrigger;

  @Mixin SparkMasterOption sparkMaster = new SparkMasterOption("local[4]");

  @Mixin ScrapedMetricsOption metrics;

  @Option(
      names = "--conf",
      description = "Extra Spark setting key=value for the session, to try a tuning; repeatable.")
  Map<String, String> sparkConf = new LinkedHashMap<>();

  @Override
  public Integer call() throws Exception {
    if (anomalyShare < 0 || anomalyShare > 1 || likeShare <= 0 || likeShare > 1) {
      throw new IllegalArgumentException("shares must be within [0, 1] (likes > 0)");
    }
    runs.forEach(AlertLatencyBenchmark::mode); // a misspelt run fails here, not after an hour
    KafkaSettings base = kafka.settings();
    command.printMachine(System.out);
    System.out.printf(
        Locale.ROOT,
        "Warm-up %s, measured %s per run; %.2f%% dehydrated readings; %.2f%% likes.%n",
        warmup,
        measure,
        anomalyShare * 100,
        likeShare * 100);
    SparkSession spark =
        SparkSessions.create(
            AdopterDetectiveJob.sessionSettings("alert-latency-benchmark", sparkMaster.master())
                .conf(sparkConf)
                .build());
    System.out.printf(
        Locale.ROOT,
        "%-22s %8s %9s %8s %8s %8s %8s %8s%n",
        "run",
        "target/s",
        "sent/s",
        "alerts",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "max ms");
    try {
      for (int rate : rates) {
        for (String run : runs) {
          System.out.println(measure(spark, base, run, rate));
        }
      }
    } finally {
      spark.stop();
    }
    return 0;
  }

  private String measure(SparkSession spark, KafkaSettings base, String run, int rate)
      throws Exception {
    KafkaSettings settings =
        BenchTopics.forRun(base, "%d-%s-%d".formatted(System.currentTimeMillis(), run, rate));
    boolean detective = run.startsWith("detective-");
    Topic input = detective ? Topic.CAT_INTERACTIONS : Topic.CAT_WELLNESS;
    Topic output = detective ? Topic.POTENTIAL_ADOPTERS : Topic.CAT_HEALTH_ALERTS;
    BenchTopics.create(settings, List.of(input, output), 1);
    String checkpoint = Files.createTempDirectory("alert-bench-" + run).toString();
    BatchPhases phases = new BatchPhases();
    spark.streams().addListener(phases);
    try (ScrapedMetrics jobMetrics = metrics.start(run)) {
      return drive(spark, settings, run, rate, checkpoint, phases, jobMetrics);
    } finally {
      spark.streams().removeListener(phases);
    }
  }

  /** Starts the run's job with its listeners, drives it at {@code rate}, reports its latency. */
  private String drive(
      SparkSession spark,
      KafkaSettings settings,
      String run,
      int rate,
      String checkpoint,
      BatchPhases phases,
      ScrapedMetrics jobMetrics)
      throws Exception {
    boolean detective = run.startsWith("detective-");
    Topic input = detective ? Topic.CAT_INTERACTIONS : Topic.CAT_WELLNESS;
    Topic output = detective ? Topic.POTENTIAL_ADOPTERS : Topic.CAT_HEALTH_ALERTS;
    // The job's own listeners, as it registers them.
    List<StreamingQueryListener> listeners =
        AlertJobListeners.register(
            spark,
            jobMetrics.metrics(),
            detective ? AdopterDetectiveJob.OBSERVED : WellnessGuardianJob.OBSERVED);
    StreamingQuery query = start(spark, settings, run, checkpoint);
    phases.watch(query.id());
    try (LatencyRecorder recorder = new LatencyRecorder(settings, settings.topicName(output));
        PacedProducer producer = new PacedProducer(settings)) {
      EventMaker events = new EventMaker(settings.topicName(input), detective);
      // The query needs a while to start (longer on a loaded machine); events made before it runs
      // would measure its start-up, not its latency. Drive until the first alert is out, then warm
      // up.
      long startDeadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
      while (recorder.alertsSeen() == 0 && System.nanoTime() < startDeadline) {
        producer.run(rate, Duration.ofSeconds(2), events::make);
      }
      producer.run(rate, warmup, events::make);
      recorder.startMeasuring();
      phases.startMeasuring();
      long sent = producer.run(rate, measure, events::make);
      recorder.stopMeasuring();
      phases.stopMeasuring();
      awaitQuiet(recorder);
      long[] latencies = recorder.sortedLatencies();
      return "%-22s %8d %9.0f %8d %8s %8s %8s %8s"
              .formatted(
                  run,
                  rate,
                  sent / (measure.toMillis() / 1000.0),
                  latencies.length,
                  percentile(latencies, 50),
                  percentile(latencies, 90),
                  percentile(latencies, 99),
                  latencies.length == 0 ? "-" : Long.toString(latencies[latencies.length - 1]))
          + (run.endsWith("microbatch") ? "%n%s".formatted(phases.summary()) : "");
    } finally {
      query.stop();
      listeners.forEach(listener -> spark.streams().removeListener(listener));
      System.out.printf("%s metrics: %s%n", run, jobMetrics.describe());
    }
  }

  private StreamingQuery start(
      SparkSession spark, KafkaSettings settings, String run, String checkpoint) throws Exception {
    AlertJobMode mode = mode(run);
    if (run.startsWith("guardian-")) {
      AlertStream readings =
          new AlertStream(
              settings,
              mode,
              checkpoint,
              triggerInterval(mode, WellnessGuardianConfig.defaultTriggerInterval(mode)),
              "earliest");
      return WellnessGuardianJob.start(
          spark, new WellnessGuardianConfig(readings, WellnessThresholds.defaults()));
    }
    AlertStream likes =
        new AlertStream(
            settings,
            mode,
            checkpoint,
            triggerInterval(
                mode,
                mode == AlertJobMode.MICROBATCH
                    ? detectiveTrigger
                    : AdopterDetectiveConfig.defaultTriggerInterval(mode)),
            "earliest");
    return AdopterDetectiveJob.start(
        spark, new AdopterDetectiveConfig(likes, AdopterDetectiveRules.defaults()));
  }

  /** The mode a run names: {@code <job>-realtime} or {@code <job>-microbatch}. */
  private static AlertJobMode mode(String run) {
    if (!RUNS.contains(run)) {
      throw new IllegalArgumentException(
          "run is '%s': expected one of %s".formatted(run, String.join(", ", RUNS)));
    }
    return AlertJobMode.parse(run.substring(run.indexOf('-') + 1));
  }

  /** In real-time mode the {@code --realtime-interval} given, else {@code jobDefault}. */
  private Duration triggerInterval(AlertJobMode mode, Duration jobDefault) {
    return mode == AlertJobMode.REALTIME && realtimeInterval != null
        ? realtimeInterval
        : jobDefault;
  }

  /** Waits until no new measured alert has come for 3 s (at most 60 s): the pipeline drained. */
  private static void awaitQuiet(LatencyRecorder recorder) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    int seen = -1;
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      int now = recorder.sortedLatencies().length;
      if (now != seen) {
        seen = now;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince > Duration.ofSeconds(3).toNanos()) {
        return;
      }
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
  }

  private static String percentile(long[] sorted, int percent) {
    return sorted.length == 0 ? "-" : Long.toString(Percentiles.nearestRank(sorted, percent));
  }

  /** Makes the driven events: wellness readings or interactions, stamped with their send time. */
  private final class EventMaker {
    private final String topic;
    private final boolean interactions;
    private final SplittableRandom random = new SplittableRandom(42);
    private final int[] likesGiven = new int[ACTIVE_VISITORS];
    private final int[] generation = new int[ACTIVE_VISITORS];
    private int nextVisitor;

    EventMaker(String topic, boolean interactions) {
      this.topic = requireNonNull(topic);
      this.interactions = interactions;
    }

    ProducerRecord<String, String> make(long sequence, Instant now) {
      String time = EventTimes.format(now);
      String cat = "cat-%03d".formatted(random.nextInt(CATS));
      if (!interactions) {
        boolean dehydrated = random.nextDouble() < anomalyShare;
        double hours = dehydrated ? 4.5 + random.nextDouble() * 3 : random.nextDouble() * 3.9;
        double activity = 0.2 + random.nextDouble() * 0.7;
        return new ProducerRecord<>(
            topic,
            cat,
            ("{\"event_time\":\"%s\",\"cat_id\":\"%s\",\"activity_level\":%.2f,"
                    + "\"heart_rate\":%d,\"hours_since_last_drink\":%.2f}")
                .formatted(time, cat, activity, 60 + random.nextInt(120), hours));
      }
      if (random.nextDouble() >= likeShare) {
        String visitor = "passer-by-%d".formatted(random.nextInt(1000));
        return interaction(visitor, cat, "pet", time);
      }
      // Visitors take turns; each likes five distinct cats, then a new visitor takes the slot.
      int slot = nextVisitor;
      nextVisitor = (nextVisitor + 1) % ACTIVE_VISITORS;
      String visitor = "visitor-%d-%d".formatted(slot, generation[slot]);
      String likedCat = "cat-%d".formatted(likesGiven[slot]);
      if (++likesGiven[slot] == LIKES_PER_VISITOR) {
        likesGiven[slot] = 0;
        generation[slot]++;
      }
      return interaction(visitor, likedCat, "like", time);
    }

    private ProducerRecord<String, String> interaction(
        String visitor, String cat, String type, String time) {
      // Keyed as the simulator keys interactions (Topic.CAT_INTERACTIONS.keyField()).
      return new ProducerRecord<>(
          topic,
          visitor,
          "{\"event_time\":\"%s\",\"visitor_id\":\"%s\",\"cat_id\":\"%s\",\"interaction_type\":\"%s\"}"
              .formatted(time, visitor, cat, type));
    }
  }

  public static void main(String[] args) {
    Commands.run(new AlertLatencyBenchmark(), args);
  }
}
