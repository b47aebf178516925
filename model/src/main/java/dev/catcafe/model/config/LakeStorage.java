package dev.catcafe.model.config;

import dev.catcafe.model.WireName;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the lake's warehouse lives: on the local file system ({@code file://}) or in an
 * S3-compatible object store ({@code s3://}). The JDBC catalog holds the table pointers either way.
 */
public enum LakeStorage implements WireName {
  /** A {@code file://} warehouse directory: the default on the local platform. */
  FILE,
  /** An {@code s3://<bucket>/warehouse} warehouse, read and written through the S3 API. */
  S3;

  public static final String SETTING = "LAKE_STORAGE (--lake-storage)";

  /**
   * The storage a warehouse URI names: {@code s3://} is {@link #S3}, anything else {@link #FILE}.
   */
  public static LakeStorage of(String warehouse) {
    return Settings.requireText(warehouse, "warehouse").startsWith("s3://") ? S3 : FILE;
  }

  /**
   * {@code store} for a location in the object store ({@code s3://}), none for a local one: whoever
   * opens a location (the catalog's warehouse, an event-log directory) takes the store this way.
   */
  public static Optional<ObjectStoreSettings> storeFor(
      String location, Supplier<ObjectStoreSettings> store) {
    return of(location) == S3 ? Optional.of(store.get()) : Optional.empty();
  }

  public static LakeStorage parse(String text) {
    return Settings.requireChoice(text, SETTING, LakeStorage.class);
  }
}
