package dev.catcafe.sparkapps;

import static dev.catcafe.sparkapps.Yaml.map;
import static java.util.Objects.requireNonNull;

import dev.catcafe.model.jobs.PodResources;
import java.util.List;
import java.util.Map;

/**
 * The S3-compatible store for clusters without one: S3Proxy, the server the local platform runs
 * (the same Maven Central release, from the apps image's {@code /opt/catcafe/s3proxy/lib}), with
 * its file-system back end on a ReadWriteOnce volume of its own. Only this StatefulSet mounts it;
 * every other pod reaches the lake over the S3 API. Its keys are those the clients use, from the
 * credentials Secret ({@link EnvSetting#S3_ACCESS_KEY_ID}, {@link
 * EnvSetting#S3_SECRET_ACCESS_KEY}): the start script writes them into an owner-only properties
 * file under {@code /tmp}, so they appear on no command line. A cluster on the cloud's S3 ({@link
 * ClusterProfile#onCloudStorage}) has no such store.
 */
public final class SelfHostedObjectStore {
  /** The S3Proxy release of the local platform (platform/s3proxy). */
  public static final String S3PROXY_VERSION = "4.1.0";

  static final String DATA_DIRECTORY = "/data";

  private SelfHostedObjectStore() {}

  public static List<Map<String, Object>> all(ClusterProfile profile) {
    requireNonNull(profile, "profile is null");
    if (profile.usesPodIdentity()) {
      throw new IllegalArgumentException("a cluster on the cloud's S3 runs no store of its own");
    }
    String name = ClusterProfile.OBJECT_STORE;
    Map<String, Object> container =
        map(
            "name",
            name,
            "image",
            profile.appsImage(),
            "imagePullPolicy",
            "IfNotPresent",
            "command",
            List.of("/bin/sh", "-c", startScript(profile)),
            "env",
            List.of(key(EnvSetting.S3_ACCESS_KEY_ID), key(EnvSetting.S3_SECRET_ACCESS_KEY)),
            "ports",
            List.of(
                map(
                    "name",
                    "s3",
                    "containerPort",
                    ClusterProfile.OBJECT_STORE_PORT,
                    "protocol",
                    "TCP")),
            // An anonymous request gets 403 from a running store: probe the socket instead.
            "readinessProbe",
            map("tcpSocket", map("port", "s3"), "periodSeconds", 10),
            "livenessProbe",
            map("tcpSocket", map("port", "s3"), "periodSeconds", 30, "failureThreshold", 3),
            "resources",
            Workloads.resources(new PodResources("250m", "512Mi", "2", "768Mi")),
            "securityContext",
            Workloads.containerSecurityContext(),
            "volumeMounts",
            List.of(map("name", "data", "mountPath", DATA_DIRECTORY), Workloads.tmpMount()));
    Map<String, Object> statefulSet =
        Yaml.resource(
            "apps/v1",
            "StatefulSet",
            Yaml.metadata(name, profile.namespace(), name),
            "spec",
            map(
                "serviceName",
                name,
                "replicas",
                1,
                "selector",
                map("matchLabels", Applications.selector(name)),
                "template",
                map(
                    "metadata",
                    map("labels", Applications.podLabels(name)),
                    "spec",
                    map(
                        "serviceAccountName",
                        Rbac.APPS_SERVICE_ACCOUNT,
                        "automountServiceAccountToken",
                        false,
                        "securityContext",
                        Workloads.podSecurityContext(Workloads.NONROOT_USER),
                        "containers",
                        List.of(container),
                        "volumes",
                        List.of(Workloads.tmpVolume()))),
                "volumeClaimTemplates",
                List.of(
                    map(
                        "metadata",
                        map("name", "data"),
                        "spec",
                        map(
                            "accessModes",
                            List.of("ReadWriteOnce"),
                            "resources",
                            map("requests", map("storage", "200Gi")))))));
    return List.of(
        statefulSet, Applications.service(name, "s3", ClusterProfile.OBJECT_STORE_PORT, profile));
  }

  /**
   * Writes S3Proxy's configuration (owner-only, keys from the environment) and its log settings
   * (warnings: it logs every request at DEBUG by default), creates the lake's bucket (a directory
   * of the file-system back end) and runs the server in the foreground.
   */
  static String startScript(ClusterProfile profile) {
    return """
        set -eu
        umask 077
        mkdir -p %1$s/%2$s
        printf '%%s\\n' \\
          's3proxy.endpoint=http://0.0.0.0:%3$d' \\
          's3proxy.authorization=aws-v2-or-v4' \\
          "s3proxy.identity=$S3_ACCESS_KEY_ID" \\
          "s3proxy.credential=$S3_SECRET_ACCESS_KEY" \\
          'jclouds.provider=filesystem-nio2' \\
          'jclouds.filesystem.basedir=%1$s' > /tmp/s3proxy.properties
        printf '%%s\\n' '<configuration><appender name="out" class="ch.qos.logback.core.ConsoleAppender"><encoder><pattern>%%d %%-5level %%logger{36} - %%msg%%n</pattern></encoder></appender><root level="WARN"><appender-ref ref="out"/></root></configuration>' > /tmp/logback.xml
        exec java -Xmx384m -XX:+UseSerialGC -Dlogback.configurationFile=/tmp/logback.xml \\
          -cp '/opt/catcafe/s3proxy/lib/*' org.gaul.s3proxy.Main --properties /tmp/s3proxy.properties
        """
        .formatted(DATA_DIRECTORY, profile.lakeBucket(), ClusterProfile.OBJECT_STORE_PORT);
  }

  /** A key of the store from the credentials Secret: required here, unlike for its clients. */
  private static Map<String, Object> key(EnvSetting setting) {
    return map(
        "name",
        setting.name(),
        "valueFrom",
        map(
            "secretKeyRef",
            map("name", ClusterProfile.CREDENTIALS_SECRET, "key", setting.secretKey())));
  }
}
