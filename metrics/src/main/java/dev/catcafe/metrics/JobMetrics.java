package dev.catcafe.metrics;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.catcafe.model.config.MetricsSettings;
import dev.catcafe.model.monitoring.Metric;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A job's metrics: a Micrometer registry in Prometheus' format, the JVM's own meters (heap, GC,
 * threads, CPU, uptime), and, when {@link MetricsSettings#enabled()}, an HTTP endpoint serving them
 * on {@code GET /metrics} (the JDK's own HTTP server, one daemon thread). Every catcafe metric is
 * one of {@link Metric}, so the rules generated from the job catalog find them.
 */
public final class JobMetrics implements AutoCloseable {
  /** The path Prometheus scrapes (the generated scrape configuration names it too). */
  public static final String PATH = "/metrics";

  private static final Logger LOG = LoggerFactory.getLogger(JobMetrics.class);
  private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final MeterRegistry registry;
  private final Optional<PrometheusMeterRegistry> prometheus;
  private final Optional<HttpServer> server;
  private final JvmGcMetrics gcMetrics;

  private JobMetrics(
      MeterRegistry registry,
      Optional<PrometheusMeterRegistry> prometheus,
      Optional<HttpServer> server) {
    this.registry = registry;
    this.prometheus = prometheus;
    this.server = server;
    this.gcMetrics = new JvmGcMetrics();
  }

  /**
   * The metrics of the job {@code jobName} as {@code settings} say: served on their host and port,
   * or, when disabled, kept in memory only (nothing listens, the job's counters cost next to
   * nothing).
   *
   * @throws UncheckedIOException if the port cannot be bound (names the port and the option)
   */
  public static JobMetrics start(String jobName, MetricsSettings settings) {
    requireNonNull(jobName, "jobName is null");
    requireNonNull(settings, "settings is null");
    if (!settings.enabled()) {
      return inMemory();
    }
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 16);
    } catch (IOException e) {
      registry.close();
      throw new UncheckedIOException(
          "%s cannot serve metrics on %s:%d (--metrics-port, --metrics-host): %s"
              .formatted(jobName, settings.host(), settings.port(), e.getMessage()),
          e);
    }
    server.createContext(PATH, exchange -> respond(exchange, registry));
    server.setExecutor(
        Executors.newSingleThreadExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "metrics-http");
              thread.setDaemon(true);
              return thread;
            }));
    server.start();
    JobMetrics metrics = new JobMetrics(registry, Optional.of(registry), Optional.of(server));
    metrics.bindJvmMeters();
    LOG.info(
        "{} serves Prometheus metrics on http://{}:{}{}",
        jobName,
        settings.host(),
        server.getAddress().getPort(),
        PATH);
    return metrics;
  }

  /** Metrics kept in memory and served nowhere: for jobs run with {@code --no-metrics}. */
  public static JobMetrics inMemory() {
    return new JobMetrics(new SimpleMeterRegistry(), Optional.empty(), Optional.empty());
  }

  private void bindJvmMeters() {
    new JvmMemoryMetrics().bindTo(registry);
    gcMetrics.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  private static void respond(HttpExchange exchange, PrometheusMeterRegistry registry)
      throws IOException {
    try (exchange) {
      if (!exchange.getRequestMethod().equals("GET")) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** Whether an endpoint serves these metrics. */
  public boolean served() {
    return server.isPresent();
  }

  /** The port the endpoint listens on (the OS's pick for port 0); empty when not served. */
  public Optional<Integer> port() {
    return server.map(running -> running.getAddress().getPort());
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The counter {@code metric} with these label values, in {@link Metric#labels()} order. */
  public Counter counter(Metric metric, String... labelValues) {
    return counter(registry, metric, labelValues);
  }

  /** As {@link #counter(Metric, String...)} on any registry. */
  public static Counter counter(MeterRegistry registry, Metric metric, String... labelValues) {
    requireNonNull(registry, "registry is null");
    requireType(metric, Metric.Type.COUNTER);
    return Counter.builder(metric.meterName())
        .description(metric.help())
        .tags(tags(metric, labelValues))
        .register(registry);
  }

  /**
   * The gauge {@code metric} reading {@code value} of {@code owner} at each scrape (a queue's size,
   * a count of clients): for what the program already keeps, so nothing is counted twice. The
   * registry holds {@code owner} weakly, as Micrometer does: pass the object the program keeps (not
   * a lambda nothing else holds, which the next garbage collection would take).
   */
  public static <T> void gauge(
      MeterRegistry registry,
      Metric metric,
      T owner,
      ToDoubleFunction<T> value,
      String... labelValues) {
    requireNonNull(value, "value is null");
    registerReading(registry, metric, Metric.Type.GAUGE, owner, value, labelValues);
  }

  /**
   * The counter {@code metric} reading a monotonic total of {@code owner} at each scrape; {@code
   * owner} is held weakly, as for {@link #gauge}.
   */
  public static <T> void functionCounter(
      MeterRegistry registry,
      Metric metric,
      T owner,
      ToDoubleFunction<T> total,
      String... labelValues) {
    requireNonNull(total, "total is null");
    registerReading(registry, metric, Metric.Type.COUNTER, owner, total, labelValues);
  }

  /**
   * Registers {@code metric}, which must be of {@code type}, as a meter that reads {@code reading}
   * of {@code owner} at each scrape: a gauge, or a counter of a total {@code owner} keeps.
   */
  private static <T> void registerReading(
      MeterRegistry registry,
      Metric metric,
      Metric.Type type,
      T owner,
      ToDoubleFunction<T> reading,
      String... labelValues) {
    requireNonNull(registry, "registry is null");
    requireNonNull(owner, "owner is null");
    requireType(metric, type);
    Tags tags = tags(metric, labelValues);
    switch (type) {
      case GAUGE ->
          Gauge.builder(metric.meterName(), owner, reading)
              .description(metric.help())
              .tags(tags)
              .register(registry);
      case COUNTER ->
          FunctionCounter.builder(metric.meterName(), owner, reading)
              .description(metric.help())
              .tags(tags)
              .register(registry);
    }
  }

  private static void requireType(Metric metric, Metric.Type type) {
    if (requireNonNull(metric, "metric is null").type() != type) {
      throw new IllegalArgumentException(
          "%s is not a %s".formatted(metric, type.name().toLowerCase(Locale.ROOT)));
    }
  }

  /** The labels of {@code metric} with these values; fails when their number differs. */
  public static Tags tags(Metric metric, String... labelValues) {
    requireNonNull(metric, "metric is null");
    if (labelValues.length != metric.labels().size()) {
      throw new IllegalArgumentException(
          "%s takes the labels %s, got %d values"
              .formatted(metric, metric.labels(), labelValues.length));
    }
    Tags tags = Tags.empty();
    for (int index = 0; index < labelValues.length; index++) {
      tags = tags.and(metric.labels().get(index), requireNonNull(labelValues[index], "label"));
    }
    return tags;
  }

  /** What {@code GET /metrics} answers now (empty when not served): for tests and logs. */
  public String scrape() {
    return prometheus.map(PrometheusMeterRegistry::scrape).orElse("");
  }

  @Override
  public void close() {
    server.ifPresent(running -> running.stop(0));
    gcMetrics.close();
    registry.close();
  }
}
