package dev.catcafe.simulator;

import dev.catcafe.metrics.JobMetrics;
import dev.catcafe.model.Topic;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.cli.Durations;
import dev.catcafe.model.cli.KafkaOptions;
import dev.catcafe.model.cli.MetricsOptions;
import dev.catcafe.model.cli.PostgresOptions;
import dev.catcafe.model.cli.TerminationSignals;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.monitoring.Metric;
import dev.catcafe.simulator.producer.EventProduction;
import dev.catcafe.simulator.producer.KafkaEventSink;
import dev.catcafe.simulator.producer.KafkaEventSink.DeliveryFailedException;
import dev.catcafe.simulator.producer.KafkaEventSink.KafkaUnavailableException;
import dev.catcafe.simulator.producer.KafkaTuning;
import dev.catcafe.simulator.producer.KafkaTuningOptions;
import dev.catcafe.simulator.producer.PostgresRoster;
import dev.catcafe.simulator.producer.ProductionConfig;
import dev.catcafe.simulator.producer.ProductionSummary;
import dev.catcafe.simulator.simulation.Roster;
import dev.catcafe.simulator.simulation.SimulationRules;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code make produce}: the live event producer (spec §2). Simulates the cafe tick by tick and
 * writes check-ins, interactions, orders, wellness readings and locations to Kafka, re-reading the
 * available cats and the visitors from PostgreSQL every refresh interval.
 */
@Command(name = "produce-events", description = "Simulate the cafe and write its events to Kafka.")
public final class ProduceEvents implements Callable<Integer> {
  /** The topics the simulator writes; the alert topics belong to the streaming jobs. */
  public static final List<Topic> PRODUCED_TOPICS =
      List.of(
          Topic.VISITOR_CHECKINS,
          Topic.CAT_INTERACTIONS,
          Topic.CAFE_ORDERS,
          Topic.CAT_WELLNESS,
          Topic.CAT_LOCATIONS);

  @Mixin KafkaOptions kafka;
  @Mixin PostgresOptions postgres;
  @Mixin MetricsOptions metrics;

  @Option(
      names = "--tick-millis",
      paramLabel = "MILLIS",
      description =
          "Wall-clock time between ticks. Default: "
              + ProductionConfig.DEFAULT_TICK_MILLIS
              + ", the original's one tick a second.")
  private Long tickMillis;

  @Option(
      names = "--speed",
      paramLabel = "TICKS",
      description = "Ticks per wall-clock second; the same as --tick-millis 1000/TICKS.")
  private Double speed;

  @Option(names = "--burst", description = "Tick as fast as Kafka accepts events, no pacing.")
  private boolean burst;

  @Option(
      names = "--duration",
      converter = Durations.Converter.class,
      description = "Stop after this long, e.g. 30s, 5m, PT1H. Default: run until stopped.")
  private Duration duration;

  @Option(
      names = "--max-events",
      defaultValue = "0",
      description = "Stop after exactly this many events. Default: no limit.")
  private long maxEvents;

  @Option(
      names = "--cats",
      paramLabel = "N",
      description = "Simulate N made-up available cats instead of reading them from PostgreSQL.")
  private Integer cats;

  @Option(
      names = "--visitors",
      paramLabel = "N",
      description = "Simulate N made-up visitors instead of reading them from PostgreSQL.")
  private Integer visitors;

  @Option(
      names = "--refresh-interval",
      defaultValue = ProductionConfig.DEFAULT_REFRESH_INTERVAL,
      converter = Durations.Converter.class,
      description = "How often cats and visitors are re-read from PostgreSQL.")
  private Duration refreshInterval;

  @Option(
      names = "--stats-interval",
      defaultValue = ProductionConfig.DEFAULT_STATS_INTERVAL,
      converter = Durations.Converter.class,
      description = "How often events/s per topic are logged.")
  private Duration statsInterval;

  @Option(names = "--seed", description = "Seed of the simulation. Default: random.")
  private Long seed;

  @Option(
      names = "--anomaly-rate",
      defaultValue = SimulationRules.ORIGINAL_ANOMALY_RATE,
      description = "Chance per reading of a dehydration (sleepy senior) or stress (shy) anomaly.")
  private double anomalyRate;

  @Mixin private KafkaTuningOptions kafkaTuning;

  @Spec private CommandSpec spec;

  public static void main(String[] args) {
    Commands.run(new ProduceEvents(), args);
  }

  /** The validated run configuration; throws {@link IllegalArgumentException} on bad options. */
  public ProductionConfig config() {
    if (tickMillis != null && speed != null) {
      throw new IllegalArgumentException("give --tick-millis or --speed, not both");
    }
    if (tickMillis != null && tickMillis <= 0) {
      throw new IllegalArgumentException(
          "--tick-millis is %d: expected a positive number".formatted(tickMillis));
    }
    double ticksPerSecond =
        speed != null
            ? speed
            : 1000.0 / (tickMillis == null ? ProductionConfig.DEFAULT_TICK_MILLIS : tickMillis);
    return new ProductionConfig(
        ticksPerSecond,
        burst,
        Optional.ofNullable(duration),
        maxEvents,
        cats == null ? OptionalInt.empty() : OptionalInt.of(cats),
        visitors == null ? OptionalInt.empty() : OptionalInt.of(visitors),
        refreshInterval,
        statsInterval,
        seed != null ? seed : new Random().nextLong(),
        new SimulationRules(anomalyRate));
  }

  /** What the simulator exports: events acknowledged per (prefixed) topic, failed deliveries. */
  private static void register(MeterRegistry registry, KafkaEventSink sink, KafkaSettings kafka) {
    for (Topic topic : PRODUCED_TOPICS) {
      JobMetrics.functionCounter(
          registry,
          Metric.SIMULATOR_EVENTS_PRODUCED,
          sink,
          open -> open.acknowledged(topic),
          kafka.topicName(topic));
    }
    JobMetrics.functionCounter(
        registry, Metric.SIMULATOR_DELIVERY_FAILURES, sink, KafkaEventSink::failures);
  }

  public KafkaTuning tuning() {
    return kafkaTuning.tuning();
  }

  @Override
  public Integer call() {
    ProductionConfig config = config();
    KafkaTuning tuning = tuning();
    KafkaSettings kafkaSettings = kafka.settings();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Random synthetic = new Random(config.seed());
    PostgresRoster roster =
        new PostgresRoster(
            config.readsDatabase() ? Optional.of(postgres.settings()) : Optional.empty(),
            config.syntheticCats().stream()
                .mapToObj(n -> Roster.syntheticCats(synthetic, n))
                .findFirst(),
            config.syntheticVisitors().stream()
                .mapToObj(n -> Roster.syntheticVisitors(synthetic, n))
                .findFirst());
    try (roster;
        JobMetrics metrics =
            JobMetrics.start(
                JvmApp.SIMULATOR_PRODUCER.jobName(),
                this.metrics.settings(JvmApp.SIMULATOR_PRODUCER));
        KafkaEventSink sink = KafkaEventSink.open(kafkaSettings, tuning, PRODUCED_TOPICS)) {
      register(metrics.registry(), sink, kafkaSettings);
      EventProduction production =
          new EventProduction(config, roster, sink, Clock.systemUTC(), kafkaSettings::topicName);
      // SIGTERM ends the run at its next tick; what is batched is flushed and reported below, and
      // the JVM exits 0 (the default reaction would drop the batch and exit 143).
      try (TerminationSignals signals =
          TerminationSignals.onTermination(signal -> production.stop())) {
        ProductionSummary summary = production.run();
        sink.flush();
        sink.checkDelivery();
        out.printf(
            "Produced %d events in %d ticks, %.1f s (%.0f events/s, seed %d): %s%n",
            summary.events(),
            summary.ticks(),
            summary.elapsed().toNanos() / 1e9,
            summary.eventsPerSecond(),
            config.seed(),
            summary.eventsByTopic());
        out.flush();
        return 0;
      }
    } catch (KafkaUnavailableException | DeliveryFailedException e) {
      return CommandFailures.report(err, "Producing failed", e);
    } catch (SQLException e) {
      return CommandFailures.report(err, "Producing failed, cannot read cats and visitors", e);
    }
  }
}
