package dev.catcafe.platform.testing;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A program's {@code GET /metrics} read as Prometheus reads it, and one sample picked from it. */
public final class MetricsScrape {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private MetricsScrape() {}

  /** The text exposition at {@code endpoint}; fails unless it answers 200. */
  public static String scrape(URI endpoint) {
    requireNonNull(endpoint, "endpoint is null");
    HttpResponse<String> response =
        Blocking.unchecked(
            () ->
                HTTP.send(
                    HttpRequest.newBuilder(endpoint).build(),
                    HttpResponse.BodyHandlers.ofString()));
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "%s answered %d: %s".formatted(endpoint, response.statusCode(), response.body()));
    }
    return response.body();
  }

  /** {@link #scrape(URI)} of {@code http://127.0.0.1:<port>/metrics}. */
  public static String scrape(int port) {
    return scrape(URI.create("http://127.0.0.1:%d/metrics".formatted(port)));
  }

  /**
   * The value of the sample {@code series} (its name and, if any, its labels exactly as exposed,
   * e.g. {@code name{topic="t"}}) in {@code exposition}; empty when it is not there.
   */
  public static OptionalDouble sample(String exposition, String series) {
    Matcher sample =
        Pattern.compile("(?m)^" + Pattern.quote(series) + "(?:\\{\\})? (\\S+)$")
            .matcher(exposition);
    return sample.find()
        ? OptionalDouble.of(Double.parseDouble(sample.group(1)))
        : OptionalDouble.empty();
  }
}
