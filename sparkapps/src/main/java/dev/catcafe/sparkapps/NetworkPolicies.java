package dev.catcafe.sparkapps;

import static dev.catcafe.sparkapps.Yaml.map;
import static java.util.Objects.requireNonNull;

import dev.catcafe.model.jobs.JobKind;
import dev.catcafe.model.jobs.JvmApp;
import dev.catcafe.model.jobs.Placement;
import dev.catcafe.model.jobs.SettingsGroup;
import dev.catcafe.model.jobs.SparkJob;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The namespace's network policies: deny everything, then allow exactly the flows each component
 * needs, derived from the job catalog (a job that reads Kafka may reach the brokers, one with a
 * catalog or the operational database PostgreSQL, one with executors its own pods and the API
 * server) plus the fixed flows of the platform's other parts (Trino, Superset, the notebooks,
 * Prometheus). Each flow is allowed on both ends: egress from the client, ingress to the server.
 */
public final class NetworkPolicies {
  public static final String API_VERSION = "networking.k8s.io/v1";
  public static final String KIND = "NetworkPolicy";

  /** The label on every pod of the project's own workloads that names its component. */
  static final String COMPONENT_LABEL = "app.kubernetes.io/component";

  /**
   * The label of a namespace whose pods may open the UIs (an ingress controller's): none has it
   * unless an operator sets it; {@code kubectl port-forward} does not pass through policies.
   */
  public static final String UI_ACCESS_LABEL = "catcafe.dev/ui-access";

  /** The namespace kube-prometheus runs Prometheus in. */
  public static final String MONITORING_NAMESPACE = "monitoring";

  static final int TRINO_PORT = 8080;
  static final int SUPERSET_PORT = 8088;
  static final int REDIS_PORT = 6379;
  static final List<Integer> API_SERVER_PORTS = List.of(443, 6443);
  static final int DNS_PORT = 53;

  /**
   * Who is at one end of a flow: pods matching labels, in this namespace or in namespaces matching
   * {@code namespaceLabels}; or, for the API server, which is no pod, any address.
   */
  public record Peer(
      String name,
      Map<String, String> podLabels,
      Optional<Map<String, String>> namespaceLabels,
      boolean anyAddress) {
    public Peer {
      requireNonNull(name, "name is null");
      podLabels = Map.copyOf(podLabels);
      namespaceLabels = requireNonNull(namespaceLabels, "namespaceLabels is null").map(Map::copyOf);
    }

    static Peer pods(String name, Map<String, String> labels) {
      return new Peer(name, labels, Optional.empty(), false);
    }

    static Peer component(String component) {
      return pods(component, Map.of(COMPONENT_LABEL, component));
    }

    /** Whether the pods of this peer live in the namespace, so a policy of ours selects them. */
    boolean local() {
      return namespaceLabels.isEmpty() && !anyAddress;
    }

    Map<String, Object> asPolicyPeer() {
      if (anyAddress) {
        return map("ipBlock", map("cidr", "0.0.0.0/0"));
      }
      Map<String, Object> peer = new LinkedHashMap<>();
      namespaceLabels.ifPresent(labels -> peer.put("namespaceSelector", selector(labels)));
      peer.put("podSelector", selector(podLabels));
      return peer;
    }
  }

  /** Traffic {@code from} may open to {@code to} on {@code ports} (TCP; empty: any port). */
  public record Flow(Peer from, Peer to, List<Integer> ports) {
    public Flow {
      requireNonNull(from, "from is null");
      requireNonNull(to, "to is null");
      ports = List.copyOf(ports);
    }
  }

  static final Peer POSTGRESQL = Peer.component("postgresql");
  static final Peer TRINO =
      Peer.pods(
          "trino",
          Map.of("app.kubernetes.io/name", "trino", "app.kubernetes.io/instance", "trino"));
  static final Peer SUPERSET = Peer.pods("superset", Map.of("release", "superset"));
  static final Peer SUPERSET_REDIS =
      Peer.pods(
          "superset-redis",
          Map.of("app.kubernetes.io/name", "redis", "app.kubernetes.io/instance", "superset"));
  static final Peer NOTEBOOKS =
      Peer.pods("notebooks", Map.of("app", "jupyterhub", "component", "singleuser-server"));
  static final Peer PROMETHEUS =
      new Peer(
          "prometheus",
          Map.of("app.kubernetes.io/name", "prometheus"),
          Optional.of(Map.of("kubernetes.io/metadata.name", MONITORING_NAMESPACE)),
          false);
  static final Peer UI_CLIENTS =
      new Peer("ui-clients", Map.of(), Optional.of(Map.of(UI_ACCESS_LABEL, "true")), false);
  static final Peer API_SERVER = new Peer("kubernetes-api", Map.of(), Optional.empty(), true);
  static final Peer SELF_HOSTED_STORE =
      Peer.pods(
          ClusterProfile.OBJECT_STORE,
          Map.of("app.kubernetes.io/name", ClusterProfile.OBJECT_STORE));

  /** The cloud's S3: an HTTPS endpoint outside the cluster, at addresses nobody lists. */
  static final Peer CLOUD_STORE = new Peer("cloud-s3", Map.of(), Optional.empty(), true);

  static final int HTTPS_PORT = 443;

  private NetworkPolicies() {}

  /** Strimzi's pods of the cluster: brokers and controllers, and its entity operator. */
  static Peer kafka(ClusterProfile profile) {
    return Peer.pods(
        "kafka", Map.of("strimzi.io/cluster", profile.kafkaCluster(), "strimzi.io/kind", "Kafka"));
  }

  /** Every flow the lakehouse needs inside its namespace and across its edge. */
  public static List<Flow> flows(ClusterProfile profile) {
    Peer kafka = kafka(profile);
    int kafkaPort = port(profile.kafka().bootstrapServers());
    int postgresPort = port(profile.postgres().jdbcUrl().substring("jdbc:".length()));
    List<Flow> flows = new ArrayList<>();
    for (SparkJob job : SparkJob.values()) {
      Peer pods = Peer.component(job.jobName());
      clientFlows(flows, pods, job.settings(), kafka, kafkaPort, postgresPort);
      storeFlows(flows, pods, job.settings(), profile);
      if (job.placement() == Placement.EXECUTORS) {
        // The driver and its executors talk on Spark's RPC and block manager ports.
        flows.add(new Flow(pods, pods, List.of()));
      }
      if (job.placement() == Placement.EXECUTORS || job.kind() == JobKind.BATCH) {
        // Drivers create their executor pods; a batch job's CronJob creates its application.
        flows.add(new Flow(pods, API_SERVER, API_SERVER_PORTS));
      }
      job.metricsPort().ifPresent(port -> flows.add(new Flow(PROMETHEUS, pods, List.of(port))));
    }
    Set<SettingsGroup> simulator = EnumSet.noneOf(SettingsGroup.class);
    simulator.addAll(JvmApp.SIMULATOR_SEED.settings());
    simulator.addAll(JvmApp.SIMULATOR_PRODUCER.settings());
    clientFlows(
        flows, Peer.component(Applications.SIMULATOR), simulator, kafka, kafkaPort, postgresPort);
    Peer alertUi = Peer.component(Applications.ALERT_UI);
    clientFlows(flows, alertUi, JvmApp.ALERT_UI.settings(), kafka, kafkaPort, postgresPort);
    storeFlows(
        flows,
        Peer.component(Applications.HISTORY_SERVER),
        JvmApp.HISTORY_SERVER.settings(),
        profile);
    flows.add(new Flow(UI_CLIENTS, alertUi, List.of(Applications.ALERT_UI_PORT)));
    // Prometheus scrapes the Deployments' programs with a metrics port (the UI, the simulator).
    for (JvmApp app : Monitoring.scrapedApps()) {
      flows.add(
          new Flow(
              PROMETHEUS,
              Peer.component(Applications.deploymentName(app)),
              List.of(app.metricsPort().getAsInt())));
    }
    flows.add(
        new Flow(
            UI_CLIENTS,
            Peer.component(Applications.HISTORY_SERVER),
            List.of(JvmApp.HISTORY_SERVER_PORT)));
    // Kafka's brokers and controllers replicate and vote among themselves; the entity operator
    // watches KafkaTopic resources.
    flows.add(new Flow(kafka, kafka, List.of()));
    flows.add(new Flow(kafka, API_SERVER, API_SERVER_PORTS));
    // Trino: its catalogs, its coordinator and workers, and its clients.
    flows.add(new Flow(TRINO, POSTGRESQL, List.of(postgresPort)));
    flows.add(storeFlow(TRINO, profile));
    flows.add(new Flow(TRINO, TRINO, List.of(TRINO_PORT)));
    flows.add(new Flow(SUPERSET, TRINO, List.of(TRINO_PORT)));
    flows.add(new Flow(NOTEBOOKS, TRINO, List.of(TRINO_PORT)));
    flows.add(new Flow(UI_CLIENTS, TRINO, List.of(TRINO_PORT)));
    // Superset keeps its metadata in PostgreSQL and its cache in its Redis.
    flows.add(new Flow(SUPERSET, POSTGRESQL, List.of(postgresPort)));
    flows.add(new Flow(SUPERSET, SUPERSET_REDIS, List.of(REDIS_PORT)));
    flows.add(new Flow(UI_CLIENTS, SUPERSET, List.of(SUPERSET_PORT)));
    // A notebook's kernel opens the lake's JDBC catalog (the hub and its proxy come with
    // JupyterHub's own policies).
    flows.add(new Flow(NOTEBOOKS, POSTGRESQL, List.of(postgresPort)));
    flows.add(storeFlow(NOTEBOOKS, profile));
    return flows;
  }

  private static void clientFlows(
      List<Flow> flows,
      Peer client,
      Set<SettingsGroup> settings,
      Peer kafka,
      int kafkaPort,
      int postgresPort) {
    if (settings.contains(SettingsGroup.KAFKA)) {
      flows.add(new Flow(client, kafka, List.of(kafkaPort)));
    }
    if (settings.contains(SettingsGroup.POSTGRES) || settings.contains(SettingsGroup.CATALOG)) {
      flows.add(new Flow(client, POSTGRESQL, List.of(postgresPort)));
    }
  }

  /** A client of the lake's store reaches it: the self-hosted one, or the cloud's over HTTPS. */
  private static void storeFlows(
      List<Flow> flows, Peer client, Set<SettingsGroup> settings, ClusterProfile profile) {
    if (settings.contains(SettingsGroup.OBJECT_STORE)) {
      flows.add(storeFlow(client, profile));
    }
  }

  private static Flow storeFlow(Peer client, ClusterProfile profile) {
    return profile.usesPodIdentity()
        ? new Flow(client, CLOUD_STORE, List.of(HTTPS_PORT))
        : new Flow(client, SELF_HOSTED_STORE, List.of(ClusterProfile.OBJECT_STORE_PORT));
  }

  /**
   * The policies: deny all traffic of every pod in the namespace, let every pod resolve names, then
   * one policy per local peer allowing the flows it starts (egress) and receives (ingress).
   */
  public static List<Map<String, Object>> all(ClusterProfile profile) {
    List<Flow> flows = flows(profile);
    List<Map<String, Object>> policies = new ArrayList<>();
    policies.add(
        policy(
            "default-deny",
            profile,
            Map.of(),
            // No rule: nothing in or out unless a policy below allows it.
            map("policyTypes", List.of("Ingress", "Egress"))));
    policies.add(
        policy(
            "allow-dns",
            profile,
            Map.of(),
            map(
                "policyTypes",
                List.of("Egress"),
                "egress",
                List.of(
                    map(
                        "to",
                        List.of(
                            map(
                                "namespaceSelector",
                                selector(Map.of("kubernetes.io/metadata.name", "kube-system")),
                                "podSelector",
                                selector(Map.of("k8s-app", "kube-dns")))),
                        "ports",
                        List.of(
                            map("protocol", "UDP", "port", DNS_PORT),
                            map("protocol", "TCP", "port", DNS_PORT)))))));
    Set<Peer> locals = new LinkedHashSet<>();
    for (Flow flow : flows) {
      if (flow.from().local()) {
        locals.add(flow.from());
      }
      if (flow.to().local()) {
        locals.add(flow.to());
      }
    }
    for (Peer peer : locals) {
      List<Object> egress = new ArrayList<>();
      List<Object> ingress = new ArrayList<>();
      for (Flow flow : flows) {
        if (flow.from().equals(peer)) {
          egress.add(rule("to", flow.to(), flow.ports()));
        }
        if (flow.to().equals(peer)) {
          ingress.add(rule("from", flow.from(), flow.ports()));
        }
      }
      List<String> types = new ArrayList<>();
      Map<String, Object> spec = new LinkedHashMap<>();
      if (!ingress.isEmpty()) {
        types.add("Ingress");
        spec.put("ingress", ingress);
      }
      if (!egress.isEmpty()) {
        types.add("Egress");
        spec.put("egress", egress);
      }
      Map<String, Object> ordered = map("policyTypes", types);
      ordered.putAll(spec);
      policies.add(policy("allow-" + peer.name(), profile, peer.podLabels(), ordered));
    }
    return policies;
  }

  private static Map<String, Object> rule(String direction, Peer peer, List<Integer> ports) {
    Map<String, Object> rule = map(direction, List.of(peer.asPolicyPeer()));
    if (!ports.isEmpty()) {
      rule.put(
          "ports",
          ports.stream().map(port -> (Object) map("protocol", "TCP", "port", port)).toList());
    }
    return rule;
  }

  private static Map<String, Object> policy(
      String name,
      ClusterProfile profile,
      Map<String, String> podLabels,
      Map<String, Object> rules) {
    Map<String, Object> spec = map("podSelector", selector(podLabels));
    spec.putAll(rules);
    return Yaml.resource(
        API_VERSION, KIND, Yaml.metadata(name, profile.namespace(), "network"), "spec", spec);
  }

  private static Map<String, Object> selector(Map<String, String> labels) {
    return labels.isEmpty() ? map() : map("matchLabels", new TreeMap<>(labels));
  }

  /** The port of {@code host:port} or of a URI's authority. */
  private static int port(String address) {
    String withScheme = address.contains("://") ? address : "tcp://" + address;
    int port = URI.create(withScheme).getPort();
    if (port < 0) {
      throw new IllegalArgumentException("no port in " + address);
    }
    return port;
  }
}
