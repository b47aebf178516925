package dev.catcafe.spark;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.EventSchema;
import dev.catcafe.model.Field;
import dev.catcafe.model.FieldType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Spark types of the shared model: the one place where a {@link FieldType} becomes Spark's. */
public final class SparkSchemas {
  /** {@code items} of a cafe order: {@code array<struct<name:string, quantity:int>>}. */
  public static final DataType ORDER_ITEMS =
      DataTypes.createArrayType(
          new StructType()
              .add("name", DataTypes.StringType, true)
              .add("quantity", DataTypes.IntegerType, true),
          true);

  public static final DecimalType MONEY = DataTypes.createDecimalType(10, 2);

  private SparkSchemas() {}

  /** The type a field has in a typed table: timestamps are timestamps, money is a decimal. */
  public static DataType tableType(FieldType type) {
    return switch (requireNonNull(type, "type is null")) {
      case STRING -> DataTypes.StringType;
      case TIMESTAMP -> DataTypes.TimestampType;
      case INT -> DataTypes.IntegerType;
      case LONG -> DataTypes.LongType;
      case DOUBLE -> DataTypes.DoubleType;
      case MONEY -> MONEY;
      case ORDER_ITEMS -> ORDER_ITEMS;
    };
  }

  /** The typed table columns of an event, in wire order, all nullable as JSON may omit them. */
  public static StructType tableSchema(EventSchema schema) {
    StructType struct = new StructType();
    for (Field field : requireNonNull(schema, "schema is null").fields()) {
      struct =
          struct.add(
              new StructField(field.name(), tableType(field.type()), true, Metadata.empty()));
    }
    return struct;
  }
}
