package dev.catcafe.bench.soak;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.catcafe.bench.soak.KafkaEnds.KafkaEndsException;
import dev.catcafe.bench.soak.SoakSample.JobSample;
import dev.catcafe.bench.soak.SoakSample.UiSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;

/**
 * Looks at a running platform: how much the simulator has produced, and for each watched job its
 * lag (records beyond its last committed batch), its JVM's memory and its state on disk; the alert
 * UI's queues from its health endpoint. It reads what the jobs leave behind (checkpoints, {@code
 * /proc}) and asks nothing of them, so watching costs the jobs nothing.
 */
public final class SoakMonitor {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration UI_TIMEOUT = Duration.ofSeconds(5);

  private final KafkaEnds kafka;
  private final List<TopicPartition> producedPartitions;
  private final List<WatchedJob> jobs;
  private final Optional<URI> uiHealth;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(UI_TIMEOUT).build();
  private final long startedNanos = System.nanoTime();

  /**
   * Watches {@code jobs}; {@code producedTopics} are the simulator's (prefixed) topics; {@code
   * uiHealth} the alert UI's {@code /health}, if it runs. {@code kafka} stays the caller's to
   * close.
   */
  public SoakMonitor(
      KafkaEnds kafka, List<String> producedTopics, List<WatchedJob> jobs, Optional<URI> uiHealth)
      throws KafkaEndsException {
    this.kafka = requireNonNull(kafka, "kafka is null");
    this.producedPartitions = kafka.partitions(requireNonNull(producedTopics, "topics is null"));
    this.jobs = List.copyOf(jobs);
    this.uiHealth = requireNonNull(uiHealth, "uiHealth is null");
  }

  /** One look at everything. */
  public SoakSample sample() throws KafkaEndsException {
    long produced = kafka.latest(producedPartitions).values().stream().mapToLong(x -> x).sum();
    List<JobSample> samples = new ArrayList<>();
    for (WatchedJob job : jobs) {
      List<Path> checkpoints = job.checkpoints().get();
      OptionalLong pid = job.javaPid().get();
      samples.add(
          new JobSample(
              job.name(),
              lag(checkpoints),
              pid.isPresent() ? JvmMemory.of(pid.getAsLong()) : Optional.empty(),
              checkpoints.stream().mapToLong(SoakMonitor::stateBytes).sum()));
    }
    return new SoakSample(
        Duration.ofNanos(System.nanoTime() - startedNanos), produced, samples, ui());
  }

  /**
   * Records on {@code job}'s topics beyond its last committed batch; empty before its first commit.
   */
  public OptionalLong lag(WatchedJob job) throws KafkaEndsException {
    return lag(requireNonNull(job, "job is null").checkpoints().get());
  }

  private OptionalLong lag(List<Path> checkpoints) throws KafkaEndsException {
    Map<TopicPartition, Long> committed = new HashMap<>();
    checkpoints.forEach(checkpoint -> committed.putAll(CheckpointOffsets.committed(checkpoint)));
    if (committed.isEmpty()) {
      return OptionalLong.empty();
    }
    Map<TopicPartition, Long> latest = kafka.latest(committed.keySet());
    long lag = 0;
    for (Map.Entry<TopicPartition, Long> entry : committed.entrySet()) {
      lag += Math.max(0, latest.getOrDefault(entry.getKey(), 0L) - entry.getValue());
    }
    return OptionalLong.of(lag);
  }

  private static long stateBytes(Path checkpoint) {
    Path state = checkpoint.resolve("state");
    if (!Files.isDirectory(state)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(state)) {
      return files.filter(Files::isRegularFile).mapToLong(SoakMonitor::sizeOrZero).sum();
    } catch (IOException | UncheckedIOException e) {
      return 0; // a file vanished while walking: a state-store cleanup ran
    }
  }

  private static long sizeOrZero(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  private Optional<UiSample> ui() {
    if (uiHealth.isEmpty()) {
      return Optional.empty();
    }
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(uiHealth.get()).timeout(UI_TIMEOUT).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      JsonNode health = MAPPER.readTree(response.body());
      return Optional.of(
          new UiSample(
              health.path("websocketConnections").asLong(),
              health.path("pendingWriteBacks").asLong()));
    } catch (IOException e) {
      return Optional.empty(); // the UI is restarting: the sample says so by its absence
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
