package dev.catcafe.spark;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.ObjectStoreSettings;
import dev.catcafe.model.config.SparkCatalogConf;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogUtil;
import org.apache.iceberg.io.FileIO;
import org.apache.iceberg.io.SupportsPrefixOperations;

/**
 * Checks an {@code s3://} warehouse before a job writes anything: one listing of the warehouse
 * prefix, through the same {@code S3FileIO} and settings the catalog uses. Wrong keys, a missing
 * bucket or an unreachable endpoint then fail at start with a message naming the setting to fix,
 * instead of inside the first commit (a table created without its data, a streaming query dead
 * after its first batch).
 */
public final class ObjectStoreCheck {
  private ObjectStoreCheck() {}

  /**
   * Returns if the catalog's warehouse is not in an object store, or if its bucket answers a
   * listing with these keys.
   *
   * @throws IllegalArgumentException the keys are refused or the bucket does not exist (a setting
   *     is wrong: restarting will not help)
   * @throws IllegalStateException the endpoint cannot be reached (it may come back: a supervisor
   *     restarts the job)
   */
  public static void verify(CatalogSettings catalog) {
    requireNonNull(catalog, "catalog is null");
    Optional<ObjectStoreSettings> objectStore = catalog.objectStore();
    if (objectStore.isEmpty()) {
      return;
    }
    ObjectStoreSettings store = objectStore.get();
    Map<String, String> properties = new HashMap<>(SparkCatalogConf.fileIoProperties(store));
    // One quick attempt: a start-up check should answer in seconds, not after the SDK's back-off.
    properties.put("s3.retry.num-retries", "1");
    properties.put("http-client.apache.connection-timeout-ms", "5000");
    properties.put("http-client.apache.socket-timeout-ms", "10000");
    String warehouse = catalog.warehouse();
    String prefix = warehouse.endsWith("/") ? warehouse : warehouse + "/";
    FileIO io =
        CatalogUtil.loadFileIO(SparkCatalogConf.S3_FILE_IO, properties, new Configuration());
    try {
      ((SupportsPrefixOperations) io).listPrefix(prefix).iterator().hasNext();
    } catch (RuntimeException e) {
      throw explain(catalog, store, e);
    } finally {
      io.close();
    }
  }

  private static RuntimeException explain(
      CatalogSettings catalog, ObjectStoreSettings store, RuntimeException failure) {
    String endpoint = store.endpoint().isEmpty() ? "the cloud's S3" : store.endpoint();
    String bucket = URI.create(catalog.warehouse()).getHost();
    String cause = rootMessage(failure);
    return switch (statusCode(failure)) {
      case 403, 401 ->
          new IllegalArgumentException(
              "%s / %s: the keys (access key '%s') were refused by %s (HTTP 403: %s)"
                  .formatted(
                      ObjectStoreSettings.ACCESS_KEY_SETTING,
                      ObjectStoreSettings.SECRET_KEY_SETTING,
                      store.accessKeyId(),
                      endpoint,
                      cause),
              failure);
      case 404 ->
          new IllegalArgumentException(
              "%s is '%s': bucket '%s' does not exist at %s (%s)"
                  .formatted(
                      CatalogSettings.WAREHOUSE_SETTING,
                      catalog.warehouse(),
                      bucket,
                      endpoint,
                      cause),
              failure);
      case -1 ->
          new IllegalStateException(
              "%s: the object store at %s cannot be reached (%s)"
                  .formatted(ObjectStoreSettings.ENDPOINT_SETTING, endpoint, cause),
              failure);
      default ->
          new IllegalArgumentException(
              "%s '%s' at %s (%s, %s): the object store refused to list it (%s)"
                  .formatted(
                      CatalogSettings.WAREHOUSE_SETTING,
                      catalog.warehouse(),
                      endpoint,
                      ObjectStoreSettings.ENDPOINT_SETTING,
                      ObjectStoreSettings.REGION_SETTING,
                      cause),
              failure);
    };
  }

  /**
   * The HTTP status of the store's answer, -1 if there was none (the request never got one). Read
   * from the AWS SDK's service exception by its {@code statusCode()} method: the SDK lives in the
   * runtime-only {@code iceberg-aws-bundle}, not on the compile class path.
   */
  private static int statusCode(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      try {
        Method statusCode = cause.getClass().getMethod("statusCode");
        Object status = statusCode.invoke(cause);
        if (status instanceof Integer code && code > 0) {
          return code;
        }
      } catch (ReflectiveOperationException notAServiceAnswer) {
        // A client-side failure (no connection, timeout): look further down the chain.
      }
    }
    return -1;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = failure.getMessage();
    return root == failure || message == null
        ? String.valueOf(message)
        : message + "; cause: " + root;
  }
}
