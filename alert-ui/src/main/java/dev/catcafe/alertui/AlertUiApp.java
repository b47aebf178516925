package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.catcafe.metrics.JobMetrics;
import dev.catcafe.model.CatStatus;
import dev.catcafe.model.monitoring.Metric;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.websocket.WsCloseStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.eclipse.jetty.servlet.FilterHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web app: the page, the roster API, staff adoption, avatars, health, and the {@code /ws} feed,
 * wired to the Kafka consumer and the database. {@link #close()} stops all of it.
 */
public final class AlertUiApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(AlertUiApp.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_CAT_ID_LENGTH = 50;

  /**
   * The largest WebSocket message or frame the server reads: the page never sends anything but
   * pongs, so anything larger is refused (close 1009) before it is buffered.
   */
  static final int MAX_WEBSOCKET_MESSAGE_BYTES = 4_096;

  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self';"
          + " connect-src 'self'; frame-ancestors 'none'";

  private final AlertUiConfig config;
  private final ConnectionPool pool;
  private final CatRepository repository;
  private final FeedHub hub;
  private final WriteBackWorker writeBacks;
  private final AlertFeed feed;
  private final AlertConsumer consumer;
  private final Javalin javalin;
  private final Counter feedMessages;
  private final FailedAttemptLimiter staffAttempts = FailedAttemptLimiter.defaults();

  /** Set once the server listens and its port is known; until then every request gets 403. */
  private volatile Origins origins;

  private AlertUiApp(AlertUiConfig config, RandomGenerator random, MeterRegistry registry) {
    this.config = requireNonNull(config, "config is null");
    this.pool = new ConnectionPool(config.postgres(), config.poolSize(), Duration.ofSeconds(10));
    this.repository = new CatRepository(pool);
    this.hub = new FeedHub(config.maxConnections(), config.recentAlerts());
    AdoptionLedger ledger = new AdoptionLedger(pool);
    this.writeBacks = new WriteBackWorker(ledger, RetryBackoff.DEFAULT);
    this.feedMessages =
        JobMetrics.counter(requireNonNull(registry, "registry is null"), Metric.UI_FEED_MESSAGES);
    this.feed =
        new AlertFeed(
            new NameDirectory(repository, config.nameCacheSize()),
            repository,
            new AdoptionDecision(config.adoptionShare(), random),
            new AlertDeduplicator(10_000),
            ledger,
            writeBacks,
            message -> {
              feedMessages.increment();
              hub.publish(message);
            });
    this.consumer =
        new AlertConsumer(config.kafka(), config.consumerGroup(), config.offsetReset(), feed);
    registerGauges(registry);
    this.javalin = routes(createJavalin());
  }

  /** Starts the server and the consumer; {@code random} drives the write-back share. */
  public static AlertUiApp start(AlertUiConfig config, RandomGenerator random) {
    return start(config, random, new SimpleMeterRegistry());
  }

  /**
   * {@link #start(AlertUiConfig, RandomGenerator)}, exporting the UI's meters to {@code registry}.
   */
  public static AlertUiApp start(
      AlertUiConfig config, RandomGenerator random, MeterRegistry registry) {
    AlertUiApp app = new AlertUiApp(config, random, registry);
    try {
      app.javalin.start(config.host(), config.port());
      app.origins = Origins.of(config.allowedOrigins(), app.port());
      app.consumer.start();
    } catch (RuntimeException failure) {
      app.close();
      throw failure;
    }
    LOG.info("alert UI listening on http://{}:{}/", config.host(), app.port());
    return app;
  }

  public int port() {
    return javalin.port();
  }

  public boolean consumerAssigned() {
    return consumer.assigned();
  }

  public int connections() {
    return hub.connections();
  }

  /** Write-backs handed over and not yet settled in PostgreSQL. */
  public int pendingWriteBacks() {
    return writeBacks.pending();
  }

  /** Write-back tries that failed and were retried. */
  public long failedWriteBackTries() {
    return writeBacks.failedTries();
  }

  /**
   * What the UI keeps anyway, read at each scrape: its feed, its write-back queue, its consumer.
   */
  private void registerGauges(MeterRegistry registry) {
    JobMetrics.gauge(registry, Metric.UI_WEBSOCKET_CLIENTS, hub, FeedHub::connections);
    JobMetrics.gauge(registry, Metric.UI_PENDING_WRITE_BACKS, writeBacks, WriteBackWorker::pending);
    JobMetrics.functionCounter(
        registry, Metric.UI_WRITE_BACK_FAILED_TRIES, writeBacks, WriteBackWorker::failedTries);
    JobMetrics.functionCounter(
        registry, Metric.UI_CONSUMER_FAILURES, consumer, AlertConsumer::clientFailures);
    JobMetrics.functionCounter(
        registry, Metric.UI_SKIPPED_RECORDS, consumer, AlertConsumer::skippedRecords);
  }

  private Javalin createJavalin() {
    return Javalin.create(
        javalinConfig -> {
          javalinConfig.showJavalinBanner = false;
          javalinConfig.startupWatcherEnabled = false;
          javalinConfig.http.maxRequestSize = RequestGuard.MAX_BODY_BYTES;
          javalinConfig.jetty.modifyServletContextHandler(
              handler -> {
                // Filters run in the order added: Host and Origin first, then the hub's limit.
                handler.addFilter(
                    new FilterHolder(new RequestGuard(() -> origins)),
                    "/*",
                    EnumSet.of(DispatcherType.REQUEST));
                handler.addFilter(
                    new FilterHolder(new WebSocketGate(hub)),
                    "/ws",
                    EnumSet.of(DispatcherType.REQUEST));
              });
          javalinConfig.jetty.modifyWebSocketServletFactory(
              factory -> {
                factory.setIdleTimeout(Duration.ofMinutes(5));
                factory.setMaxTextMessageSize(MAX_WEBSOCKET_MESSAGE_BYTES);
                factory.setMaxBinaryMessageSize(MAX_WEBSOCKET_MESSAGE_BYTES);
                factory.setMaxFrameSize(MAX_WEBSOCKET_MESSAGE_BYTES);
              });
        });
  }

  private Javalin routes(Javalin app) {
    String page = resource("/public/index.html");
    String script = resource("/public/app.js");
    String styles = resource("/public/app.css");
    app.before(
        ctx -> {
          ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
          ctx.header("X-Content-Type-Options", "nosniff");
          ctx.header("Referrer-Policy", "no-referrer");
        });
    app.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
    app.get("/app.js", ctx -> ctx.contentType("text/javascript; charset=utf-8").result(script));
    app.get("/app.css", ctx -> ctx.contentType("text/css; charset=utf-8").result(styles));
    app.get("/api/cats", this::cats);
    app.get("/api/config", this::pageConfig);
    app.post("/api/cats/{catId}/adopt", this::staffAdopt);
    app.get("/avatars/{color}/{file}", this::avatar);
    app.get("/health", this::health);
    app.ws(
        "/ws",
        ws -> {
          ws.onConnect(
              ctx -> {
                if (!hub.join(ctx.session)) {
                  ctx.closeSession(WsCloseStatus.TRY_AGAIN_LATER, "too many connections");
                  return;
                }
                ctx.enableAutomaticPings(20, TimeUnit.SECONDS);
              });
          // The page never sends anything; whatever arrives is ignored, as in the original.
          ws.onMessage(ctx -> {});
          ws.onClose(ctx -> hub.leave(ctx.session));
          ws.onError(ctx -> hub.leave(ctx.session));
        });
    app.exception(
        IllegalArgumentException.class, (failure, ctx) -> error(ctx, 400, failure.getMessage()));
    app.exception(
        Exception.class,
        (failure, ctx) -> {
          LOG.warn("{} {} failed", ctx.method(), ctx.path(), failure);
          error(ctx, 500, "internal error");
        });
    return app;
  }

  private void cats(Context ctx) throws SQLException {
    CatPageRequest request =
        CatPageRequest.parse(
            ctx.queryParam("status"), ctx.queryParam("page"), ctx.queryParam("limit"));
    CatPage page = repository.page(request);
    ObjectNode body = MAPPER.createObjectNode();
    ArrayNode cats = body.putArray("cats");
    for (CatRow cat : page.cats()) {
      cats.add(catJson(cat));
    }
    body.put("total", page.total());
    body.put("page", page.page());
    body.put("totalPages", page.totalPages());
    json(ctx, 200, body);
  }

  static ObjectNode catJson(CatRow cat) {
    ObjectNode json = MAPPER.createObjectNode();
    json.put("cat_id", cat.catId());
    json.put("name", cat.name());
    json.put("coat_color", cat.coatColor());
    json.put("coat_length", cat.coatLength());
    json.put("age", cat.age());
    json.put("archetype", cat.archetype());
    json.put("status", cat.status());
    json.put("admitted_date", isoOrNull(cat.admittedDate()));
    json.put("adopted_date", isoOrNull(cat.adoptedDate()));
    json.put("last_checkup_time", isoOrNull(cat.lastCheckupTime()));
    // Additions the page renders as text, so the wording lives in tested Java.
    json.put("age_text", CatAges.describe(cat.age()));
    json.put("coat_text", CatAges.coat(cat.coatColor(), cat.coatLength()));
    return json;
  }

  private void pageConfig(Context ctx) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("staffAdoption", config.staffToken().enabled());
    body.put("adoptionShare", config.adoptionShare());
    json(ctx, 200, body);
  }

  private void staffAdopt(Context ctx) throws SQLException {
    if (!config.staffToken().enabled()) {
      error(ctx, 403, "staff adoption is disabled");
      return;
    }
    // Checked before the token is compared: while guessing is throttled a guess reveals nothing.
    if (!staffAttempts.tryAttempt()) {
      ctx.header("Retry-After", Long.toString(staffAttempts.retryAfterSeconds()));
      error(ctx, 429, "too many wrong staff tokens; try again shortly");
      return;
    }
    if (!config.staffToken().accepts(ctx.header(StaffToken.HEADER))) {
      error(ctx, 403, "invalid staff token");
      return;
    }
    staffAttempts.succeeded();
    String catId = ctx.pathParam("catId");
    if (catId.isBlank() || catId.length() > MAX_CAT_ID_LENGTH) {
      throw new IllegalArgumentException("invalid cat id");
    }
    AdoptionOutcome outcome = feed.adopt(catId);
    switch (outcome.result()) {
      case ADOPTED -> {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("cat_id", catId);
        body.put("cat_name", outcome.catName());
        body.put("status", CatStatus.ADOPTED.wireName());
        json(ctx, 200, body);
      }
      case ALREADY_ADOPTED -> error(ctx, 409, "cat is already adopted");
      case NOT_FOUND -> error(ctx, 404, "no such cat");
    }
  }

  private void avatar(Context ctx) {
    String file = ctx.pathParam("file");
    String length = file.endsWith(".svg") ? file.substring(0, file.length() - 4) : file;
    ctx.header("Cache-Control", "public, max-age=86400");
    ctx.contentType("image/svg+xml").result(CatAvatars.svg(ctx.pathParam("color"), length));
  }

  private void health(Context ctx) {
    boolean database = repository.reachable();
    boolean kafka = consumer.alive();
    ObjectNode body = MAPPER.createObjectNode();
    body.put("status", database && kafka ? "ok" : "unhealthy");
    body.put("database", database ? "ok" : "unreachable");
    body.put("consumer", kafka ? "ok" : "not consuming");
    body.put("websocketConnections", hub.connections());
    body.put("pendingWriteBacks", writeBacks.pending());
    body.put("failedWriteBackTries", writeBacks.failedTries());
    body.put("consumerRestarts", consumer.clientFailures());
    json(ctx, database && kafka ? 200 : 503, body);
  }

  private static void json(Context ctx, int status, ObjectNode body) {
    ctx.status(status).contentType("application/json").result(body.toString());
  }

  private static void error(Context ctx, int status, String message) {
    ObjectNode body = MAPPER.createObjectNode();
    body.put("error", message);
    json(ctx, status, body);
  }

  private static String isoOrNull(LocalDateTime time) {
    return time == null ? null : DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(time);
  }

  private static String resource(String path) {
    try (InputStream in = AlertUiApp.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException failure) {
      throw new UncheckedIOException(failure);
    }
  }

  @Override
  public void close() {
    consumer.close();
    writeBacks.close();
    javalin.stop();
    pool.close();
  }
}
