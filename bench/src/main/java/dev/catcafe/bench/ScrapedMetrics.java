package dev.catcafe.bench;

import static java.util.Objects.requireNonNull;

import dev.catcafe.metrics.JobMetrics;
import dev.catcafe.model.config.MetricsSettings;
import dev.catcafe.model.monitoring.MonitoringPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A benchmarked job's metrics, for measuring what they cost: either as the job runs with its
 * metrics on (served, and scraped over HTTP at the platform's scrape interval as Prometheus would,
 * so rendering the scrape counts too), or as with {@code --no-metrics} (kept in memory, served
 * nowhere).
 */
public final class ScrapedMetrics implements AutoCloseable {
  private final JobMetrics metrics;
  private final Duration interval;
  private final ScheduledExecutorService scraper;
  private final AtomicLong scrapes = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  private ScrapedMetrics(JobMetrics metrics, Duration interval) {
    this.metrics = metrics;
    this.interval = interval;
    this.scraper =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "bench-metrics-scraper");
              thread.setDaemon(true);
              return thread;
            });
  }

  /** {@code jobName}'s metrics: served and scraped when {@code on}, in memory only otherwise. */
  public static ScrapedMetrics start(String jobName, boolean on) {
    requireNonNull(jobName, "jobName is null");
    Duration interval = MonitoringPolicy.DEFAULT.scrapeInterval();
    if (!on) {
      return new ScrapedMetrics(JobMetrics.inMemory(), interval);
    }
    ScrapedMetrics scraped =
        new ScrapedMetrics(
            JobMetrics.start(jobName, new MetricsSettings(true, MetricsSettings.LOOPBACK, 0)),
            interval);
    scraped.scrapeEveryInterval();
    return scraped;
  }

  private void scrapeEveryInterval() {
    int port = metrics.port().orElseThrow();
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:%d/metrics".formatted(port))).build();
    scraper.scheduleAtFixedRate(
        () -> {
          try {
            HttpResponse<Void> response =
                client.send(request, HttpResponse.BodyHandlers.discarding());
            (response.statusCode() == 200 ? scrapes : failures).incrementAndGet();
          } catch (IOException e) {
            failures.incrementAndGet();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        },
        interval.toMillis(),
        interval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  public JobMetrics metrics() {
    return metrics;
  }

  /** One line for the benchmark's report. */
  public String describe() {
    return metrics
        .port()
        .map(
            port ->
                "on, http://127.0.0.1:%d/metrics scraped every %d s (%d scrapes, %d failed)"
                    .formatted(port, interval.toSeconds(), scrapes.get(), failures.get()))
        .orElse("off (in memory, as with --no-metrics)");
  }

  @Override
  public void close() {
    scraper.shutdownNow();
    try {
      scraper.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    metrics.close();
  }
}
