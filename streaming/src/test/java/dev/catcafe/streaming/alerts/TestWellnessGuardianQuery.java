package dev.catcafe.streaming.alerts;

import static dev.catcafe.streaming.alerts.TestingAlertInputs.reading;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catcafe.spark.testing.BaseSparkTest;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.streaming.runtime.MemoryStream;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.junit.jupiter.api.Test;
import scala.Tuple2;
import scala.jdk.javaapi.CollectionConverters;

/** The whole Guardian query on a memory source and sink, in micro-batch mode. */
final class TestWellnessGuardianQuery extends BaseSparkTest {
  @Test
  void streamsAlertsSkipsAndCountsMalformedReadings() throws Exception {
    MemoryStream<Tuple2<String, Long>> source =
        MemoryStream.apply(Encoders.tuple(Encoders.STRING(), Encoders.LONG()), spark);
    Dataset<Row> kafkaShaped =
        source
            .toDF()
            .select(
                lit(null).cast("binary").as("key"),
                col("_1").cast("binary").as("value"),
                lit("cat-wellness-iot").as("topic"),
                lit(0).as("partition"),
                col("_2").as("offset"));
    StreamingQuery query =
        TestingMemorySink.writer(
                WellnessGuardianTransform.guard(kafkaShaped, WellnessThresholds.defaults()),
                "guardian_alerts")
            .start();
    try {
      source.addData(
          CollectionConverters.asScala(
              List.of(
                  Tuple2.apply(reading("cat-1", 0.5, 4.5), 0L),
                  Tuple2.apply("{broken", 1L),
                  Tuple2.apply(reading("cat-2", 0.1, 4.0), 2L))));
      query.processAllAvailable();
      assertThat(malformedInLastBatch(query)).isEqualTo(1L);

      source.addData(
          CollectionConverters.asScala(List.of(Tuple2.apply(reading("cat-3", 0.02, 1.0), 3L))));
      query.processAllAvailable();

      List<Row> alerts = spark.table("guardian_alerts").collectAsList();
      assertThat(alerts)
          .extracting(row -> row.getString(0))
          .containsExactlyInAnyOrder("cat-1", "cat-3");
      assertThat(alerts)
          .extracting(row -> row.getString(1))
          .anySatisfy(json -> assertThat(json).contains("\"alert_type\":\"DEHYDRATION\""))
          .anySatisfy(json -> assertThat(json).contains("\"alert_type\":\"STRESS\""));
    } finally {
      query.stop();
    }
  }

  private static long malformedInLastBatch(StreamingQuery query) {
    Row metrics = query.lastProgress().observedMetrics().get(WellnessGuardianTransform.METRICS);
    return metrics.getAs(WellnessGuardianTransform.MALFORMED);
  }
}
