package dev.catcafe.streaming.lifecycle;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.Topic;
import dev.catcafe.model.config.CatalogSettings;
import dev.catcafe.model.config.CatalogType;
import dev.catcafe.model.config.KafkaSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a streaming job checks before it starts its queries: a service that is not up yet (the
 * broker restarting, PostgreSQL starting) is waited for with a log line every attempt, up to the
 * start-up timeout, instead of failing the job; a mistake that waiting does not fix (a topic that
 * does not exist, typically a wrong topic prefix) fails at once, naming what is missing.
 */
public final class StartupWait {
  private static final Logger LOG = LoggerFactory.getLogger(StartupWait.class);

  /** Time between two attempts; also each attempt's own timeout. */
  static final Duration RETRY_INTERVAL = Duration.ofSeconds(5);

  private final Duration timeout;
  private final Duration interval;

  /**
   * @param timeout how long to keep retrying a service that does not answer (zero: one attempt)
   */
  public StartupWait(Duration timeout) {
    this(timeout, RETRY_INTERVAL);
  }

  StartupWait(Duration timeout, Duration interval) {
    this.timeout = requireNonNull(timeout, "timeout is null");
    this.interval = requireNonNull(interval, "interval is null");
  }

  /** A service did not answer within the start-up timeout. */
  public static final class ServiceUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ServiceUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Waits until the broker answers, then checks that every topic of {@code topics} exists under the
   * configured prefix.
   *
   * @throws IllegalArgumentException naming the missing topics (a usage error: not retried)
   */
  public void kafkaTopics(KafkaSettings kafka, Collection<Topic> topics) {
    requireNonNull(kafka, "kafka is null");
    List<String> needed = topics.stream().map(kafka::topicName).toList();
    Set<String> existing =
        retry(
            "Kafka at " + kafka.bootstrapServers() + " (" + KafkaSettings.SETTING + ")",
            () -> listTopics(kafka));
    List<String> missing = needed.stream().filter(name -> !existing.contains(name)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(missingTopicsMessage(kafka, missing, existing));
    }
  }

  /** Waits until the Iceberg catalog's database accepts a connection (JDBC catalogs only). */
  public void catalogDatabase(CatalogSettings catalog) {
    requireNonNull(catalog, "catalog is null");
    if (catalog.type() != CatalogType.JDBC) {
      return;
    }
    retry(
        "the Iceberg catalog database at " + catalog.uri(),
        () -> {
          DriverManager.setLoginTimeout((int) RETRY_INTERVAL.toSeconds());
          try (Connection connection =
              DriverManager.getConnection(catalog.uri(), catalog.user(), catalog.password())) {
            return connection.isValid((int) RETRY_INTERVAL.toSeconds());
          }
        });
  }

  /** The message for topics that do not exist: which, under which prefix, and the likely fix. */
  static String missingTopicsMessage(
      KafkaSettings kafka, List<String> missing, Collection<String> existing) {
    List<String> elsewhere =
        existing.stream()
            .filter(
                name ->
                    missing.stream()
                        .anyMatch(
                            wanted ->
                                name.endsWith(wanted.substring(kafka.topicPrefix().length()))))
            .sorted()
            .toList();
    return "Kafka at %s has no topic %s (topic prefix '%s', %s)%s"
        .formatted(
            kafka.bootstrapServers(),
            String.join(", ", missing),
            kafka.topicPrefix(),
            KafkaSettings.PREFIX_SETTING,
            elsewhere.isEmpty()
                ? ": create the topics (bin/platform up does) or fix the prefix"
                : ": is the prefix wrong? Topics of the same name exist: "
                    + String.join(", ", elsewhere));
  }

  private static Set<String> listTopics(KafkaSettings kafka) throws Exception {
    int millis = (int) RETRY_INTERVAL.toMillis();
    try (Admin admin =
        Admin.create(
            kafka.clientProperties(
                Map.of(
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                    millis,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    millis)))) {
      return admin.listTopics().names().get(millis, TimeUnit.MILLISECONDS);
    }
  }

  /** An attempt that either answers or throws. */
  @FunctionalInterface
  interface Attempt<T> {
    T call() throws Exception;
  }

  /** Runs {@code attempt} until it answers, logging each refusal; fails after the timeout. */
  <T> T retry(String service, Attempt<T> attempt) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int attempts = 0;
    while (true) {
      attempts++;
      try {
        T answer = attempt.call();
        if (attempts > 1) {
          LOG.info("{} answers after {} attempts", service, attempts);
        }
        return answer;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ServiceUnavailableException("interrupted while waiting for " + service, e);
      } catch (IllegalArgumentException e) {
        throw e;
      } catch (Exception e) {
        String reason = reason(e);
        if (System.nanoTime() + interval.toNanos() > deadline) {
          throw new ServiceUnavailableException(
              "%s did not answer within %s (--startup-timeout): %s"
                  .formatted(service, timeout, reason),
              e);
        }
        LOG.warn(
            "waiting for {}: not answering yet ({}); retry {} in {} ms (gives up after {},"
                + " --startup-timeout)",
            service,
            reason,
            attempts,
            interval.toMillis(),
            timeout);
        LockSupport.parkNanos(interval.toNanos());
      }
    }
  }

  private static String reason(Exception e) {
    Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof TimeoutException) {
      return "no answer within " + RETRY_INTERVAL.toSeconds() + " s";
    }
    if (cause instanceof SQLException sql && sql.getSQLState() != null) {
      return cause.getMessage() + " [SQLState " + sql.getSQLState() + "]";
    }
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }
}
