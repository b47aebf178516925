package dev.catcafe.sparkapps;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * How pods reach the cloud's S3 without keys: the service accounts of the pods that open the lake
 * carry the IAM role they act as (IAM Roles for Service Accounts; EKS Pod Identity associates the
 * same service accounts), and the AWS SDK's default chain in Iceberg's S3FileIO, Hadoop's S3A and
 * Trino picks the role up. Only the cloud-storage variant ({@link ClusterProfile#onCloudStorage})
 * annotates; a self-hosted store is reached with the keys of the credentials Secret.
 */
public final class PodIdentity {
  /** The annotation IRSA's webhook reads. */
  public static final String ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";

  /** The role the operator creates with read-write access to the lake's bucket. */
  public static final String ROLE_PLACEHOLDER = "arn:aws:iam::<account-id>:role/catcafe-lake";

  private PodIdentity() {}

  /** The annotations of a lake-opening service account on {@code profile}; none with keys. */
  public static Optional<Map<String, Object>> annotations(ClusterProfile profile) {
    requireNonNull(profile, "profile is null");
    return profile.usesPodIdentity()
        ? Optional.of(Map.of(ROLE_ANNOTATION, ROLE_PLACEHOLDER))
        : Optional.empty();
  }
}
