package dev.catcafe.bench.soak;

import dev.catcafe.bench.BenchmarkCommand;
import dev.catcafe.bench.soak.KafkaEnds.KafkaEndsException;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.cli.Durations;
import dev.catcafe.model.cli.KafkaOptions;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.jobs.SparkJob;
import dev.catcafe.simulator.ProduceEvents;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The soak benchmark's watch ({@code make soak}): while the platform runs with the simulator at ten
 * times its default rate, prints every interval each job's Kafka lag, heap, RSS and state on disk
 * and the alert UI's queues, then whether each series stayed bounded after the warm-up. The
 * platform is started by {@code make soak}, and {@link SoakReconcile} checks the lake afterwards.
 * Exit status 1 if a series grew.
 */
@Command(
    name = "soak-benchmark",
    description = "Watch the running platform: lag, memory and state per job, every interval.")
public final class SoakBenchmark implements Callable<Integer> {
  /** The applications {@code make soak} runs, watched in this order. */
  static final List<String> STREAMING_JOBS =
      List.of(
          SparkJob.RAW_INGESTION.jobName(),
          SparkJob.WELLNESS_GUARDIAN.jobName(),
          SparkJob.ADOPTER_DETECTIVE.jobName());

  static final List<String> OTHER_APPS =
      List.of(JvmApp.ALERT_UI.jobName(), JvmApp.SIMULATOR_PRODUCER.jobName());

  @Mixin private BenchmarkCommand benchmark;
  @Mixin private KafkaOptions kafka;
  @Mixin private SoakLocations locations;

  @Option(
      names = "--duration",
      defaultValue = "30m",
      converter = Durations.Converter.class,
      description = "How long to watch.")
  private Duration duration;

  @Option(
      names = "--interval",
      defaultValue = "1m",
      converter = Durations.Converter.class,
      description = "Time between two looks.")
  private Duration interval;

  @Option(
      names = "--warm-up",
      defaultValue = "5m",
      converter = Durations.Converter.class,
      description = "Looks before this are printed but not judged.")
  private Duration warmUp;

  @Option(
      names = "--alert-ui-health",
      defaultValue = "http://127.0.0.1:${env:ALERT_UI_PORT:-8788}/health",
      description = "The alert UI's health endpoint (its queues).")
  private URI alertUiHealth;

  public static void main(String[] args) {
    Commands.run(new SoakBenchmark(), args);
  }

  @Override
  public Integer call() throws KafkaEndsException, InterruptedException {
    if (interval.isZero() || interval.isNegative() || duration.compareTo(interval) < 0) {
      throw new IllegalArgumentException(
          "--interval is %s and --duration %s: expected 0 < interval <= duration"
              .formatted(interval, duration));
    }
    benchmark.printMachine(System.out);
    KafkaSettings settings = kafka.settings();
    System.out.printf("Soak: watching for %s, every %s (warm-up %s)%n", duration, interval, warmUp);
    SoakReport report = new SoakReport(warmUp, System.out);
    try (KafkaEnds ends = new KafkaEnds(settings)) {
      SoakMonitor monitor =
          new SoakMonitor(
              ends,
              ProduceEvents.PRODUCED_TOPICS.stream().map(settings::topicName).toList(),
              watchedJobs(),
              Optional.of(alertUiHealth));
      long start = System.nanoTime();
      long looks = duration.toNanos() / interval.toNanos();
      for (long look = 0; look <= looks; look++) {
        long due = start + look * interval.toNanos();
        TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
        report.add(monitor.sample());
      }
    }
    List<String> grew = report.printVerdict();
    if (!grew.isEmpty()) {
      System.out.println("Grew after the warm-up: " + String.join(", ", grew));
      return 1;
    }
    return 0;
  }

  private List<WatchedJob> watchedJobs() {
    AppProcesses processes = locations.appProcesses();
    Path checkpoints = locations.checkpoints();
    List<WatchedJob> jobs = new ArrayList<>();
    for (String job : STREAMING_JOBS) {
      jobs.add(WatchedJob.streamingJob(checkpoints, job, () -> processes.javaPid(job)));
    }
    for (String app : OTHER_APPS) {
      jobs.add(new WatchedJob(app, List::of, () -> processes.javaPid(app)));
    }
    return jobs;
  }
}
