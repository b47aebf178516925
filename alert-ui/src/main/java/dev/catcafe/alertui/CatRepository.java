package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.CatStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The UI's reads and its one write against the operational database. Every statement is
 * parameterized; nothing from a request or a Kafka message is ever spliced into SQL text.
 */
public final class CatRepository {
  private static final String COUNT_BY_STATUS = "SELECT COUNT(*) FROM cats WHERE status = ?";
  private static final String PAGE_BY_STATUS =
      "SELECT cat_id, name, coat_color, coat_length, age, archetype, status, admitted_date,"
          + " adopted_date, last_checkup_time FROM cats WHERE status = ?"
          + " ORDER BY admitted_date DESC, cat_id LIMIT ? OFFSET ?";
  private static final String CAT_NAME = "SELECT name FROM cats WHERE cat_id = ?";
  private static final String VISITOR_NAME = "SELECT name FROM visitors WHERE visitor_id = ?";
  private static final String LOCK_CAT =
      "SELECT status, name FROM cats WHERE cat_id = ? FOR UPDATE";
  private static final String ADOPT =
      "UPDATE cats SET status = ?, adopted_date = now() WHERE cat_id = ? AND status = ?";

  private final ConnectionPool pool;

  public CatRepository(ConnectionPool pool) {
    this.pool = requireNonNull(pool, "pool is null");
  }

  public CatPage page(CatPageRequest request) throws SQLException {
    requireNonNull(request, "request is null");
    return pool.withConnection(
        connection -> {
          long total;
          try (PreparedStatement count = connection.prepareStatement(COUNT_BY_STATUS)) {
            count.setString(1, request.status().wireName());
            try (ResultSet rows = count.executeQuery()) {
              rows.next();
              total = rows.getLong(1);
            }
          }
          List<CatRow> cats = new ArrayList<>();
          try (PreparedStatement select = connection.prepareStatement(PAGE_BY_STATUS)) {
            select.setString(1, request.status().wireName());
            select.setInt(2, request.limit());
            select.setLong(3, request.offset());
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                cats.add(catRow(rows));
              }
            }
          }
          return new CatPage(
              cats, total, request.page(), CatPageRequest.totalPages(total, request.limit()));
        });
  }

  public Optional<String> catName(String catId) throws SQLException {
    return singleName(CAT_NAME, requireNonNull(catId, "catId is null"));
  }

  public Optional<String> visitorName(String visitorId) throws SQLException {
    return singleName(VISITOR_NAME, requireNonNull(visitorId, "visitorId is null"));
  }

  /**
   * Adopts the cat in one transaction: lock its row, check it is still available, mark it adopted
   * now. Two concurrent attempts on one cat serialize on the row lock; the second sees {@code
   * adopted} and changes nothing.
   */
  public AdoptionOutcome adoptIfAvailable(String catId) throws SQLException {
    requireNonNull(catId, "catId is null");
    return pool.inTransaction(connection -> adoptLocked(connection, catId));
  }

  /** A cheap round trip, for the health check. */
  public boolean reachable() {
    try {
      return pool.withConnection(connection -> connection.isValid(2));
    } catch (SQLException unreachable) {
      return false;
    }
  }

  /**
   * The adoption on {@code connection}'s open transaction: lock the cat's row, adopt it if it is
   * still available. The caller commits, so other writes can join the same transaction.
   */
  static AdoptionOutcome adoptLocked(Connection connection, String catId) throws SQLException {
    String status;
    String name;
    try (PreparedStatement lock = connection.prepareStatement(LOCK_CAT)) {
      lock.setString(1, catId);
      try (ResultSet rows = lock.executeQuery()) {
        if (!rows.next()) {
          return new AdoptionOutcome(AdoptionOutcome.Result.NOT_FOUND, catId, "");
        }
        status = rows.getString(1);
        name = rows.getString(2);
      }
    }
    if (!CatStatus.AVAILABLE.wireName().equals(status)) {
      return new AdoptionOutcome(AdoptionOutcome.Result.ALREADY_ADOPTED, catId, name);
    }
    try (PreparedStatement adopt = connection.prepareStatement(ADOPT)) {
      adopt.setString(1, CatStatus.ADOPTED.wireName());
      adopt.setString(2, catId);
      adopt.setString(3, CatStatus.AVAILABLE.wireName());
      int updated = adopt.executeUpdate();
      return new AdoptionOutcome(
          updated == 1 ? AdoptionOutcome.Result.ADOPTED : AdoptionOutcome.Result.ALREADY_ADOPTED,
          catId,
          name);
    }
  }

  private Optional<String> singleName(String sql, String id) throws SQLException {
    return pool.withConnection(
        connection -> {
          try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
              return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
            }
          }
        });
  }

  private static CatRow catRow(ResultSet rows) throws SQLException {
    return new CatRow(
        rows.getString("cat_id"),
        rows.getString("name"),
        rows.getString("coat_color"),
        rows.getString("coat_length"),
        rows.getObject("age", Integer.class),
        rows.getString("archetype"),
        rows.getString("status"),
        localDateTime(rows.getTimestamp("admitted_date")),
        localDateTime(rows.getTimestamp("adopted_date")),
        localDateTime(rows.getTimestamp("last_checkup_time")));
  }

  private static LocalDateTime localDateTime(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toLocalDateTime();
  }
}
