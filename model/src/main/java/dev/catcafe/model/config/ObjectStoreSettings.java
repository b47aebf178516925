package dev.catcafe.model.config;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The S3-compatible object store an {@code s3://} warehouse lives in, as Spark (Iceberg's {@code
 * S3FileIO}), Trino (its native S3 file system) and the notebooks all reach it.
 *
 * @param endpoint the store's URL, e.g. {@code http://127.0.0.1:9000} for a self-hosted store
 *     (requests then use path-style addressing); empty: the cloud's S3 of {@code region} ({@code
 *     S3_ENDPOINT})
 * @param region the signing region ({@code S3_REGION}, default {@value #DEFAULT_REGION})
 * @param accessKeyId the access key ({@code S3_ACCESS_KEY_ID}, from the environment only, as its
 *     secret); empty, with an empty secret: the SDK's default credential chain (pod identity,
 *     instance profile)
 * @param secretAccessKey its secret ({@code S3_SECRET_ACCESS_KEY}, from the environment only)
 */
public record ObjectStoreSettings(
    String endpoint, String region, String accessKeyId, String secretAccessKey) {
  public static final String DEFAULT_REGION = "us-east-1";
  public static final String ENDPOINT_SETTING = "S3_ENDPOINT (--s3-endpoint)";
  public static final String REGION_SETTING = "S3_REGION (--s3-region)";
  public static final String ACCESS_KEY_SETTING = "S3_ACCESS_KEY_ID";
  public static final String SECRET_KEY_SETTING = "S3_SECRET_ACCESS_KEY";

  public ObjectStoreSettings {
    endpoint = endpoint == null ? "" : endpoint.strip();
    if (!endpoint.isEmpty()) {
      requireHttpUrl(endpoint);
    }
    region =
        Settings.requireMatching(
            region, REGION_SETTING, "[a-z0-9-]+", "a region name such as " + DEFAULT_REGION);
    accessKeyId = accessKeyId == null ? "" : accessKeyId.strip();
    secretAccessKey = secretAccessKey == null ? "" : secretAccessKey;
    if (accessKeyId.isEmpty() != secretAccessKey.isEmpty()) {
      // One without the other would sign with half a credential: say which one is missing.
      throw new IllegalArgumentException(
          "%s and %s must be set together (or neither, for the SDK's credential chain)"
              .formatted(ACCESS_KEY_SETTING, SECRET_KEY_SETTING));
    }
  }

  /** The cloud's S3 in {@code region}, credentials from the SDK's default chain. */
  public static ObjectStoreSettings cloud(String region) {
    return new ObjectStoreSettings("", region, "", "");
  }

  private static void requireHttpUrl(String endpoint) {
    try {
      URI uri = new URI(endpoint);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw Settings.invalid(ENDPOINT_SETTING, endpoint, "an http:// or https:// URL");
      }
    } catch (URISyntaxException e) {
      throw Settings.invalid(ENDPOINT_SETTING, endpoint, "an http:// or https:// URL");
    }
  }

  /** A self-hosted store, addressed by path ({@code endpoint/bucket/key}) rather than host name. */
  public boolean pathStyleAccess() {
    return !endpoint.isEmpty();
  }

  public boolean hasKeys() {
    return !accessKeyId.isEmpty();
  }

  /** Keeps the secret out of logs and exception messages. */
  @Override
  public String toString() {
    return "ObjectStoreSettings[endpoint=%s, region=%s, accessKeyId=%s]"
        .formatted(endpoint.isEmpty() ? "(the cloud's)" : endpoint, region, accessKeyId);
  }
}
