package dev.catcafe.model.cli;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.SparkCatalogConf;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Prints, in {@code spark-defaults.conf} form, the catalog properties that put the lake's files in
 * its object store ({@link SparkCatalogConf#objectStoreConf}) and Spark's own files there ({@link
 * SparkCatalogConf#hadoopObjectStoreConf}), and nothing for a file warehouse. The local notebook
 * kernel writes them to an owner-only {@code spark-defaults.conf}: the keys stay out of the
 * notebook and out of every process's command line, and the notebook's own catalog settings stay
 * the same on both storages.
 */
@Command(
    name = "object-store-spark-defaults",
    description = "Print the spark-defaults.conf lines of the catalog's object store.")
public final class ObjectStoreSparkDefaults implements Callable<Integer> {
  @Mixin private CatalogOptions catalogOptions;

  public static void main(String[] args) {
    Commands.run(new ObjectStoreSparkDefaults(), args);
  }

  @Override
  public Integer call() {
    System.out.print(render(catalogOptions.settings()));
    return 0;
  }

  /** One {@code key value} line per property; empty for a catalog without an object store. */
  public static String render(CatalogSettings catalog) {
    StringBuilder lines = new StringBuilder();
    catalog
        .objectStore()
        .ifPresent(
            store -> {
              Map<String, String> conf =
                  new LinkedHashMap<>(
                      SparkCatalogConf.objectStoreConf(
                          "spark.sql.catalog." + catalog.name(), store));
              conf.putAll(SparkCatalogConf.hadoopObjectStoreConf(store));
              conf.forEach(
                  (key, value) -> lines.append(key).append(' ').append(value).append('\n'));
            });
    return lines.toString();
  }
}
