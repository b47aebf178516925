package dev.catcafe.bench.soak;

import dev.catcafe.bench.soak.KafkaEnds.KafkaEndsException;
import dev.catcafe.bench.soak.LakeReconciliation.TopicCount;
import dev.catcafe.model.Topic;
import dev.catcafe.model.cli.CatalogOptions;
import dev.catcafe.model.cli.Commands;
import dev.catcafe.model.cli.Durations;
import dev.catcafe.model.cli.KafkaOptions;
import dev.catcafe.model.cli.TrinoOptions;
import dev.catcafe.model.config.KafkaSettings;
import dev.catcafe.model.config.TrinoUser;
import dev.catcafe.model.jobs.SparkJob;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The end of the soak ({@code make soak}, after the producer stopped): waits until the ingestion
 * has caught up, then compares every topic with the lake by (partition, offset) and prints produced
 * against lake counts. Exit status 1 if a record is missing or doubled, or the ingestion did not
 * catch up in time.
 */
@Command(
    name = "soak-reconcile",
    description =
        "After the soak: wait for the ingestion to catch up, then compare Kafka and lake.")
public final class SoakReconcile implements Callable<Integer> {
  private static final Duration LOOK_INTERVAL = Duration.ofSeconds(10);

  @Mixin private KafkaOptions kafka;
  @Mixin private CatalogOptions catalog;
  @Mixin private SoakLocations locations;

  /** Counts the lake as the read-only analyst. */
  @Mixin private TrinoOptions trino = new TrinoOptions(TrinoUser.ANALYST);

  @Option(
      names = "--catch-up",
      defaultValue = "10m",
      converter = Durations.Converter.class,
      description = "How long the ingestion may take to catch up.")
  private Duration catchUp;

  public static void main(String[] args) {
    Commands.run(new SoakReconcile(), args);
  }

  @Override
  public Integer call() throws KafkaEndsException, InterruptedException, SQLException {
    KafkaSettings settings = kafka.settings();
    List<Topic> topics = Arrays.asList(Topic.values());
    List<String> topicNames = topics.stream().map(settings::topicName).toList();
    WatchedJob ingestion =
        WatchedJob.streamingJob(
            locations.checkpoints(), SparkJob.RAW_INGESTION.jobName(), OptionalLong::empty);
    try (KafkaEnds ends = new KafkaEnds(settings)) {
      SoakMonitor monitor = new SoakMonitor(ends, topicNames, List.of(ingestion), Optional.empty());
      System.out.printf("Waiting up to %s for the ingestion to catch up ...%n", catchUp);
      if (!new CatchUp(ends, topicNames).await(monitor, ingestion, LOOK_INTERVAL, catchUp)) {
        System.out.printf(
            "The ingestion did not catch up within %s (lag %s)%n",
            catchUp,
            monitor.lag(ingestion).stream()
                .mapToObj("%,d"::formatted)
                .findFirst()
                .orElse("unknown: no batch committed"));
        return 1;
      }
      try (Connection connection = trino.settings().connect()) {
        List<TopicCount> counts =
            new LakeReconciliation(ends, settings, connection, catalog.settings().namespace())
                .count(topics);
        System.out.println("Produced vs lake, by (partition, offset):");
        System.out.println(LakeReconciliation.format(counts));
        return counts.stream().allMatch(TopicCount::exact) ? 0 : 1;
      }
    }
  }
}
