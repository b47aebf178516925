package dev.catcafe.streaming.alerts;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import dev.catcafe.streaming.alerts.AlertJobListeners.ObservedQuery;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.OutputMode;
import org.apache.spark.sql.streaming.StreamingQuery;

/**
 * An alert job's query: what it observes (and its name), the topic it reads and the topic it writes
 * its alerts to, wired the same way for both jobs (Kafka source, the job's transform, Kafka sink).
 *
 * @param observed the query's name and what it observes about its input, for the listeners
 * @param input the topic it reads
 * @param output the topic it writes its alerts to
 */
record AlertQuery(ObservedQuery observed, Topic input, Topic output) {
  AlertQuery {
    requireNonNull(observed, "observed is null");
    requireNonNull(input, "input is null");
    requireNonNull(output, "output is null");
  }

  /** The query's name: its progress and metrics go by it. */
  String name() {
    return observed.queryName();
  }

  /** The topics the query reads and writes, which a job waits for before it starts. */
  List<Topic> topics() {
    return List.of(input, output);
  }

  /**
   * Starts the query on {@code spark} as {@code config} says: the input's Kafka records through
   * {@code transform} to the output topic, on the mode's trigger. The sink runs in Update mode:
   * real-time mode requires it, the Detective's state emits its alerts through it, and for the
   * stateless Guardian it emits each alert once, like Append.
   */
  StreamingQuery start(
      SparkSession spark, AlertQueryConfig config, UnaryOperator<Dataset<Row>> transform)
      throws TimeoutException {
    requireNonNull(spark, "spark is null");
    requireNonNull(config, "config is null");
    requireNonNull(transform, "transform is null");
    AlertStream stream = config.stream();
    Dataset<Row> records =
        KafkaStreams.source(spark, stream.kafka(), input, stream.startingOffsets());
    return KafkaStreams.sink(
            transform.apply(records), stream.kafka(), output, stream.checkpointLocation())
        .queryName(name())
        .outputMode(OutputMode.Update())
        .trigger(stream.mode().trigger(stream.triggerInterval()))
        .start();
  }
}
