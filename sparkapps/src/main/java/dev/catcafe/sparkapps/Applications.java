package dev.catcafe.sparkapps;

import static dev.catcafe.sparkapps.Yaml.map;

import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.jobs.SettingsGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deployments for the alert UI (with its Service), the simulator's event producer and the Spark
 * History Server (with its Service).
 */
public final class Applications {
  public static final int ALERT_UI_PORT = JvmApp.ALERT_UI_PORT;

  /** The components (Deployment names and {@code app.kubernetes.io/component} labels). */
  public static final String ALERT_UI = "alert-ui";

  public static final String SIMULATOR = "simulator";
  public static final String HISTORY_SERVER = JvmApp.HISTORY_SERVER.jobName();

  /**
   * What a server in a pod listens on: every interface, so the Service and the kubelet's probes,
   * which come to the pod's address, reach it.
   */
  public static final String POD_LISTEN_ADDRESS = "0.0.0.0";

  private Applications() {}

  public static List<Map<String, Object>> alertUi(ClusterProfile profile) {
    Map<String, String> literals = new LinkedHashMap<>();
    literals.put("ALERT_UI_PORT", Integer.toString(ALERT_UI_PORT));
    // The UI's default is 127.0.0.1, which in a pod answers neither the Service nor the probes.
    literals.put("ALERT_UI_HOST", POD_LISTEN_ADDRESS);
    Map<String, Object> probe =
        map("httpGet", map("path", "/health", "port", "http"), "periodSeconds", 10);
    Map<String, Object> container = container(JvmApp.ALERT_UI, profile, literals);
    List<Object> ports = new ArrayList<>();
    ports.add(map("name", "http", "containerPort", ALERT_UI_PORT, "protocol", "TCP"));
    ports.addAll(metricsPorts(JvmApp.ALERT_UI));
    container.put("ports", ports);
    container.put("readinessProbe", probe);
    container.put(
        "livenessProbe",
        map("httpGet", probe.get("httpGet"), "periodSeconds", 30, "failureThreshold", 3));
    // One replica: the live feed's de-duplication and replay buffer live in the process.
    return List.of(
        deployment(ALERT_UI, JvmApp.ALERT_UI, profile, List.of(), List.of(container)),
        service(ALERT_UI, ALERT_UI_PORT, profile));
  }

  public static List<Map<String, Object>> simulator(ClusterProfile profile) {
    Map<String, Object> seed = container(JvmApp.SIMULATOR_SEED, profile, Map.of());
    seed.put("name", "seed-profiles");
    Map<String, Object> producer = container(JvmApp.SIMULATOR_PRODUCER, profile, Map.of());
    producer.put("ports", metricsPorts(JvmApp.SIMULATOR_PRODUCER));
    // Seeding is idempotent (existing rows are kept), so every pod start may run it.
    return List.of(
        deployment(
            SIMULATOR, JvmApp.SIMULATOR_PRODUCER, profile, List.of(seed), List.of(producer)));
  }

  /** The Deployment (and its pods' component label) that runs {@code app} in the cluster. */
  public static String deploymentName(JvmApp app) {
    return switch (app) {
      case ALERT_UI -> ALERT_UI;
      case SIMULATOR_PRODUCER, SIMULATOR_SEED -> SIMULATOR;
      default -> app.jobName();
    };
  }

  /** The container port {@link Monitoring}'s PodMonitor scrapes, if {@code app} has metrics. */
  private static List<Object> metricsPorts(JvmApp app) {
    return app.metricsPort().stream()
        .mapToObj(
            port ->
                (Object)
                    map("name", Monitoring.PORT_NAME, "containerPort", port, "protocol", "TCP"))
        .toList();
  }

  /**
   * Spark's History Server over the event logs every Spark job writes ({@code SPARK_EVENT_LOG_DIR}
   * of the ConfigMap, in the lake's bucket, read through S3A with the store's settings): run by the
   * Spark jobs image's {@code spark-class} (Spark's class path and JVM flags) as the {@code spark}
   * user, since the drivers write their logs group-private as that user; listening on every address
   * of the pod, behind its Service.
   */
  public static List<Map<String, Object>> historyServer(ClusterProfile profile) {
    JvmApp app = JvmApp.HISTORY_SERVER;
    Map<String, String> literals = new LinkedHashMap<>();
    literals.put("SPARK_HISTORY_BIND_ADDRESS", POD_LISTEN_ADDRESS);
    literals.put("SPARK_HISTORY_PORT", Integer.toString(JvmApp.HISTORY_SERVER_PORT));
    literals.put("HOME", "/tmp");
    Map<String, Object> probe =
        map("httpGet", map("path", "/api/v1/version", "port", "http"), "periodSeconds", 10);
    Map<String, Object> container =
        map(
            "name",
            app.jobName(),
            "image",
            profile.sparkJobsImage(),
            "imagePullPolicy",
            "IfNotPresent",
            "command",
            List.of("/opt/spark/bin/spark-class", app.mainClass()),
            "env",
            Workloads.environment(app, literals),
            "ports",
            List.of(
                map(
                    "name",
                    "http",
                    "containerPort",
                    JvmApp.HISTORY_SERVER_PORT,
                    "protocol",
                    "TCP")),
            "readinessProbe",
            probe,
            "livenessProbe",
            map("httpGet", probe.get("httpGet"), "periodSeconds", 30, "failureThreshold", 3),
            "resources",
            Workloads.resources(app),
            "securityContext",
            Workloads.containerSecurityContext(),
            "volumeMounts",
            List.of(Workloads.tmpMount()));
    return List.of(
        deployment(
            app.jobName(),
            app,
            profile,
            Workloads.SPARK_USER,
            List.of(Workloads.tmpVolume()),
            List.of(),
            List.of(container)),
        service(app.jobName(), JvmApp.HISTORY_SERVER_PORT, profile));
  }

  private static Map<String, Object> container(
      JvmApp app, ClusterProfile profile, Map<String, String> literals) {
    Map<String, String> env = new LinkedHashMap<>(literals);
    env.put("HOME", "/tmp");
    if (app.metricsPort().isPresent()) {
      // Locally the metrics bind the loopback address; in the pod Prometheus comes from outside.
      env.put("METRICS_HOST", Monitoring.POD_METRICS_HOST);
    }
    return map(
        "name",
        app == JvmApp.ALERT_UI ? "alert-ui" : "producer",
        "image",
        profile.appsImage(),
        "imagePullPolicy",
        "IfNotPresent",
        "command",
        command(app),
        "env",
        Workloads.environment(app, env),
        "resources",
        Workloads.resources(app),
        "securityContext",
        Workloads.containerSecurityContext(),
        "volumeMounts",
        List.of(Workloads.tmpMount()));
  }

  /**
   * The container command: the module's runnable layout (the one {@code make build} installs under
   * {@code .work/dist}) on the class path, a heap sized to the limit.
   */
  public static List<String> command(JvmApp app) {
    return List.of(
        "java",
        "-XX:MaxRAMPercentage=75",
        "-cp",
        "/opt/catcafe/%s/lib/*".formatted(app.module().distributionName()),
        app.mainClass());
  }

  /** A Deployment of {@code app} from the apps image, whose stop grace its pods get. */
  private static Map<String, Object> deployment(
      String name,
      JvmApp app,
      ClusterProfile profile,
      List<Map<String, Object>> initContainers,
      List<Map<String, Object>> containers) {
    return deployment(
        name,
        app,
        profile,
        Workloads.NONROOT_USER,
        List.of(Workloads.tmpVolume()),
        initContainers,
        containers);
  }

  /** A Deployment of {@code app} running as {@code user} with {@code volumes}. */
  private static Map<String, Object> deployment(
      String name,
      JvmApp app,
      ClusterProfile profile,
      long user,
      List<Map<String, Object>> volumes,
      List<Map<String, Object>> initContainers,
      List<Map<String, Object>> containers) {
    return Yaml.resource(
        "apps/v1",
        "Deployment",
        Yaml.metadata(name, profile.namespace(), name),
        "spec",
        map(
            "replicas",
            1,
            "strategy",
            map("type", "Recreate"),
            "selector",
            map("matchLabels", selector(name)),
            "template",
            map(
                "metadata",
                map("labels", podLabels(name)),
                "spec",
                map(
                    "serviceAccountName",
                    app.settings().contains(SettingsGroup.OBJECT_STORE)
                        ? ClusterProfile.LAKE_SERVICE_ACCOUNT
                        : Rbac.APPS_SERVICE_ACCOUNT,
                    "automountServiceAccountToken",
                    false,
                    "terminationGracePeriodSeconds",
                    app.stopGrace().toSeconds(),
                    "securityContext",
                    Workloads.podSecurityContext(user),
                    "initContainers",
                    initContainers.isEmpty() ? null : initContainers,
                    "containers",
                    containers,
                    "volumes",
                    volumes))));
  }

  /** A ClusterIP Service on the {@code http} port of {@code name}'s pods. */
  private static Map<String, Object> service(String name, int port, ClusterProfile profile) {
    return service(name, "http", port, profile);
  }

  /** A ClusterIP Service on the port named {@code portName} of {@code name}'s pods. */
  static Map<String, Object> service(
      String name, String portName, int port, ClusterProfile profile) {
    return Yaml.resource(
        "v1",
        "Service",
        Yaml.metadata(name, profile.namespace(), name),
        "spec",
        map(
            "type",
            "ClusterIP",
            "selector",
            selector(name),
            "ports",
            List.of(
                map("name", portName, "port", port, "targetPort", portName, "protocol", "TCP"))));
  }

  static Map<String, Object> selector(String name) {
    return map("app.kubernetes.io/name", name);
  }

  /** The project's labels plus the name the Service selects. */
  static Map<String, Object> podLabels(String name) {
    Map<String, Object> labels = Yaml.labels(name);
    labels.put("app.kubernetes.io/name", name);
    return labels;
  }
}
