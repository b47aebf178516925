package dev.catcafe.model.cli;

import dev.catcafe.model.config.ObjectStoreSettings;
import picocli.CommandLine.Option;

/**
 * The lake's object store, for an {@code s3://} lake: the catalog's tables, the jobs' checkpoints
 * and their event logs (which the History Server reads) all live there. The keys come from {@code
 * S3_ACCESS_KEY_ID} and {@code S3_SECRET_ACCESS_KEY} only, never arguments (they show in {@code
 * ps}); neither set: the AWS SDK's credential chain (pod identity in a cloud).
 */
public final class ObjectStoreOptions {
  @Option(
      names = "--s3-endpoint",
      defaultValue = "${env:S3_ENDPOINT:-}",
      description = "Object store URL of an s3:// lake; empty: the cloud's S3. Env S3_ENDPOINT.")
  private String endpoint;

  @Option(
      names = "--s3-region",
      defaultValue = "${env:S3_REGION:-" + ObjectStoreSettings.DEFAULT_REGION + "}",
      description = "Region of an s3:// lake. Env S3_REGION.")
  private String region;

  public ObjectStoreSettings settings() {
    return new ObjectStoreSettings(
        endpoint,
        region,
        System.getenv().getOrDefault(ObjectStoreSettings.ACCESS_KEY_SETTING, ""),
        System.getenv().getOrDefault(ObjectStoreSettings.SECRET_KEY_SETTING, ""));
  }
}
