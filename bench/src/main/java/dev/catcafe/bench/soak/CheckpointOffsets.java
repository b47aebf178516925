package dev.catcafe.bench.soak;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.kafka.common.TopicPartition;

/**
 * The Kafka offsets a Spark streaming query has finished, read from its checkpoint: the offsets log
 * entry of the newest batch that also has a commit log entry. What the query read up to there is in
 * its sink; what lies beyond it on the topic is its lag.
 */
public final class CheckpointOffsets {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CheckpointOffsets() {}

  /**
   * The committed offsets of the query checkpointed in {@code checkpoint}; empty before its first
   * commit.
   */
  public static Map<TopicPartition, Long> committed(Path checkpoint) {
    requireNonNull(checkpoint, "checkpoint is null");
    OptionalLong batch = newestBatch(checkpoint.resolve("commits"));
    if (batch.isEmpty()) {
      return Map.of();
    }
    Path offsets = checkpoint.resolve("offsets").resolve(Long.toString(batch.getAsLong()));
    try {
      return parse(Files.readString(offsets));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + offsets, e);
    }
  }

  /**
   * Parses one offsets log entry: a version line, a metadata line, then one line per source, each
   * {@code {"topic":{"partition":offset,...}}} for a Kafka source.
   */
  static Map<TopicPartition, Long> parse(String entry) {
    requireNonNull(entry, "entry is null");
    List<String> lines = entry.lines().toList();
    if (lines.isEmpty() || !lines.get(0).startsWith("v")) {
      throw new IllegalArgumentException("not an offsets log entry: " + abbreviate(entry));
    }
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (String line : lines.subList(Math.min(2, lines.size()), lines.size())) {
      if (!line.startsWith("{")) {
        continue; // "-": a source without offsets in this batch
      }
      JsonNode source = readTree(line);
      for (Iterator<Map.Entry<String, JsonNode>> topics = source.fields(); topics.hasNext(); ) {
        Map.Entry<String, JsonNode> topic = topics.next();
        for (Iterator<Map.Entry<String, JsonNode>> partitions = topic.getValue().fields();
            partitions.hasNext(); ) {
          Map.Entry<String, JsonNode> partition = partitions.next();
          offsets.put(
              new TopicPartition(topic.getKey(), Integer.parseInt(partition.getKey())),
              partition.getValue().asLong());
        }
      }
    }
    return Map.copyOf(offsets);
  }

  private static OptionalLong newestBatch(Path log) {
    if (!Files.isDirectory(log)) {
      return OptionalLong.empty();
    }
    try (Stream<Path> entries = Files.list(log)) {
      return entries
          .map(path -> path.getFileName().toString())
          .filter(name -> name.matches("[0-9]+"))
          .mapToLong(Long::parseLong)
          .max();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + log, e);
    }
  }

  private static JsonNode readTree(String line) {
    try {
      return MAPPER.readTree(line);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a JSON source offset: " + abbreviate(line), e);
    }
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
