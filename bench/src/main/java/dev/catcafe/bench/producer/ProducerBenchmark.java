package dev.catcafe.bench.producer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catcafe.bench.BenchTopics;
import dev.catcafe.bench.BenchmarkCommand;
import dev.catcafe.bench.Stopwatch;
import dev.catcafe.model.Topic;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.cli.KafkaOptions;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.simulator.ProduceEvents;
import dev.catcafe.simulator.producer.EventJson;
import dev.catcafe.simulator.producer.EventProduction;
import dev.catcafe.simulator.producer.KafkaEventSink;
import dev.catcafe.simulator.producer.KafkaTuning;
import dev.catcafe.simulator.producer.KafkaTuningOptions;
import dev.catcafe.simulator.producer.PostgresRoster;
import dev.catcafe.simulator.producer.ProductionConfig;
import dev.catcafe.simulator.producer.ProductionSummary;
import dev.catcafe.simulator.simulation.EventSink;
import dev.catcafe.simulator.simulation.Roster;
import dev.catcafe.simulator.simulation.SimulatedCat;
import dev.catcafe.simulator.simulation.SimulatedVisitor;
import dev.catcafe.simulator.simulation.SimulationRules;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
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
 * {@code make bench-producer}: how many events per second the producer writes in burst mode to the
 * real broker, next to what the simulation alone (with and without JSON) can generate, so the
 * bottleneck shows. Writes to throw-away topics named {@code bench-<time>-…}, deleted afterwards.
 */
@Command(
    name = "producer-benchmark",
    description = "Measure the event producer's burst throughput against the real broker.")
public final class ProducerBenchmark implements Callable<Integer> {
  @Mixin private BenchmarkCommand command;
  @Mixin private KafkaOptions kafka;

  @Option(names = "--events", defaultValue = "2000000", description = "Events per measured run.")
  private long events;

  @Option(
      names = "--warmup-events",
      defaultValue = "300000",
      description = "Events produced (and not measured) first, to warm the JIT.")
  private long warmupEvents;

  @Option(names = "--cats", defaultValue = "10000", description = "Made-up available cats.")
  private int cats;

  @Mixin private KafkaTuningOptions kafkaTuning;

  @Option(names = "--keep-topics", description = "Leave the benchmark topics on the broker.")
  private boolean keepTopics;

  @Spec private CommandSpec spec;

  public static void main(String[] args) {
    Commands.run(new ProducerBenchmark(), args);
  }

  @Override
  public Integer call() throws Exception {
    if (events <= 0 || warmupEvents < 0 || cats <= 0) {
      throw new IllegalArgumentException(
          "--events and --cats must be positive, --warmup-events not negative");
    }
    KafkaTuning tuning = kafkaTuning.tuning();
    KafkaSettings settings =
        BenchTopics.forRun(kafka.settings(), Long.toString(System.currentTimeMillis()));
    PrintWriter out = spec.commandLine().getOut();
    command.printMachine(out);
    out.printf(
        "Workload: %d made-up available cats, 1000 visitors, burst mode, %d events per run%n",
        cats, events);
    out.flush();

    Random ids = new Random(1);
    List<SimulatedCat> catRoster = Roster.syntheticCats(ids, cats);
    List<SimulatedVisitor> visitorRoster = Roster.syntheticVisitors(ids, 1000);

    double bare = run(catRoster, visitorRoster, event -> {}, events);
    out.printf("simulation only:                 %,12.0f events/s%n", bare);
    ObjectMapper mapper = new ObjectMapper();
    long[] bytes = new long[1];
    EventSink jackson =
        event -> {
          try {
            bytes[0] += mapper.writeValueAsBytes(event).length;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        };
    run(catRoster, visitorRoster, jackson, warmupEvents);
    double withJackson = run(catRoster, visitorRoster, jackson, events);
    out.printf("simulation + JSON by Jackson:    %,12.0f events/s%n", withJackson);
    EventJson eventJson = new EventJson();
    EventSink handWritten = event -> bytes[0] += eventJson.toJson(event).length;
    run(catRoster, visitorRoster, handWritten, warmupEvents);
    bytes[0] = 0;
    double withJson = run(catRoster, visitorRoster, handWritten, events);
    out.printf(
        "simulation + JSON by EventJson:  %,12.0f events/s (%.0f bytes/event)%n",
        withJson, bytes[0] / (double) events);
    out.flush();

    BenchTopics.create(settings, ProduceEvents.PRODUCED_TOPICS, 1);
    try {
      try (KafkaEventSink sink =
          KafkaEventSink.open(settings, tuning, ProduceEvents.PRODUCED_TOPICS)) {
        run(catRoster, visitorRoster, sink, warmupEvents);
        sink.flush();
        Stopwatch measured = Stopwatch.start();
        ProductionSummary summary = produce(catRoster, visitorRoster, sink, events);
        sink.flush();
        sink.checkDelivery();
        double seconds = measured.seconds();
        out.printf(
            "to Kafka (%s, acks=all, idempotent, linger %d ms, batch %d B), flushed:%n"
                + "                                 %,12.0f events/s (%,d events in %.2f s; by topic %s)%n",
            tuning.compression(),
            tuning.lingerMillis(),
            tuning.batchBytes(),
            summary.events() / seconds,
            summary.events(),
            seconds,
            summary.eventsByTopic());
      }
    } finally {
      if (!keepTopics) {
        BenchTopics.delete(settings, ProduceEvents.PRODUCED_TOPICS);
      }
    }
    out.printf(
        "load average after the run: %.2f%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.flush();
    return 0;
  }

  private static double run(
      List<SimulatedCat> cats, List<SimulatedVisitor> visitors, EventSink sink, long count)
      throws SQLException {
    if (count == 0) {
      return 0;
    }
    ProductionSummary summary = produce(cats, visitors, sink, count);
    return summary.eventsPerSecond();
  }

  private static ProductionSummary produce(
      List<SimulatedCat> cats, List<SimulatedVisitor> visitors, EventSink sink, long count)
      throws SQLException {
    ProductionConfig config =
        new ProductionConfig(
            1,
            true,
            Optional.empty(),
            count,
            OptionalInt.of(cats.size()),
            OptionalInt.of(visitors.size()),
            Duration.ofHours(1),
            Duration.ofHours(1),
            7,
            SimulationRules.ORIGINAL);
    try (PostgresRoster roster =
        new PostgresRoster(Optional.empty(), Optional.of(cats), Optional.of(visitors))) {
      return new EventProduction(config, roster, sink, Clock.systemUTC(), Topic::name).run();
    }
  }
}
