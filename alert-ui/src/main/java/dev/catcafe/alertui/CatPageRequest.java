package dev.catcafe.alertui;

import dev.catcafe.model.CatStatus;
import dev.catcafe.model.WireName;

/**
 * A validated {@code /api/cats?status=&page=&limit=} request. Bad values are rejected with {@link
 * IllegalArgumentException}, which the API turns into HTTP 400 (the original answered 200 with an
 * error array).
 */
public record CatPageRequest(CatStatus status, int page, int limit) {
  public static final int DEFAULT_LIMIT = 6;
  public static final int MAX_LIMIT = 100;

  public CatPageRequest {
    if (status == null) {
      throw new IllegalArgumentException("Invalid status");
    }
    if (page < 1) {
      throw new IllegalArgumentException("page must be at least 1");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and %d".formatted(MAX_LIMIT));
    }
  }

  /** Parses the raw query parameters; missing page and limit default to 1 and 6. */
  public static CatPageRequest parse(String status, String page, String limit) {
    CatStatus parsedStatus;
    try {
      parsedStatus = WireName.parse(CatStatus.class, status == null ? "available" : status.strip());
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException("Invalid status");
    }
    return new CatPageRequest(
        parsedStatus, integer(page, 1, "page"), integer(limit, DEFAULT_LIMIT, "limit"));
  }

  public long offset() {
    return (long) (page - 1) * limit;
  }

  public static int totalPages(long total, int limit) {
    return (int) ((total + limit - 1) / limit);
  }

  private static int integer(String text, int fallback, String name) {
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException("%s must be an integer".formatted(name));
    }
  }
}
