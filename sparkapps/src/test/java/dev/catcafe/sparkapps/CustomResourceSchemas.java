package dev.catcafe.sparkapps;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * JSON schemas (src/test/resources/schemas) for the custom resources: the fields of the Spark
 * operator's, Strimzi's and the Prometheus Operator's CRDs that this project uses, closed to
 * anything else.
 */
final class CustomResourceSchemas {
  private static final String BASE = "https://catcafe.dev/schemas/";

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.schemaMappers(mappers -> mappers.mapPrefix(BASE, "classpath:schemas/")));

  private static final Map<String, String> SCHEMAS =
      Map.of(
          "spark.apache.org/v1/SparkApplication", "sparkapplication.json",
          "kafka.strimzi.io/v1/Kafka", "kafka.json",
          "kafka.strimzi.io/v1/KafkaNodePool", "kafkanodepool.json",
          "kafka.strimzi.io/v1/KafkaTopic", "kafkatopic.json",
          "kafka.strimzi.io/v1/KafkaUser", "kafkauser.json",
          "monitoring.coreos.com/v1/PodMonitor", "podmonitor.json",
          "monitoring.coreos.com/v1/PrometheusRule", "prometheusrule.json");

  private CustomResourceSchemas() {}

  static Optional<JsonSchema> schemaOf(String apiVersion, String kind) {
    return Optional.ofNullable(SCHEMAS.get(apiVersion + "/" + kind))
        .map(file -> FACTORY.getSchema(SchemaLocation.of(BASE + file)));
  }

  static List<String> problems(JsonSchema schema, JsonNode tree) {
    return schema.validate(tree).stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
