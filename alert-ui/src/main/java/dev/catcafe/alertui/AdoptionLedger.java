package dev.catcafe.alertui;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.OperationalSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The durable record of adoption decisions ({@code adoption_decisions}, keyed by alert id). A
 * decision and the cat's update commit in one transaction, and the decision is inserted with {@code
 * ON CONFLICT DO NOTHING} first: an alert seen again, after a redelivery, a replay or a UI restart,
 * finds its row and changes nothing.
 */
public final class AdoptionLedger {
  static final String ADOPT = "adopt";
  static final String NONE = "none";

  private static final String INSERT =
      "INSERT INTO adoption_decisions (alert_id, visitor_id, decision, cat_id, status, reason,"
          + " attempts) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (alert_id) DO NOTHING";
  private static final String SET_STATUS =
      "UPDATE adoption_decisions SET status = ? WHERE alert_id = ?";
  private static final String RECORDED =
      "SELECT d.cat_id, d.status, c.name FROM adoption_decisions d"
          + " LEFT JOIN cats c ON c.cat_id = d.cat_id WHERE d.alert_id = ?";

  /**
   * What applying a decision did.
   *
   * @param alreadyDecided the alert had a decision already; nothing was changed
   * @param adoption the adoption attempt, when the decision was to adopt; for an alert decided
   *     already, the recorded adoption when it adopted a cat
   */
  public record Applied(boolean alreadyDecided, Optional<AdoptionOutcome> adoption) {
    public Applied {
      requireNonNull(adoption, "adoption is null");
    }

    public boolean adopted() {
      return adoption.map(AdoptionOutcome::adopted).orElse(false);
    }
  }

  private final ConnectionPool pool;
  private volatile boolean tableReady;

  public AdoptionLedger(ConnectionPool pool) {
    this.pool = requireNonNull(pool, "pool is null");
  }

  /** Records the decision and applies it, in one transaction, unless the alert has one already. */
  public Applied apply(WriteBack writeBack, int attempts) throws SQLException {
    requireNonNull(writeBack, "writeBack is null");
    ensureTable();
    return pool.inTransaction(
        connection -> {
          Optional<String> catId = writeBack.catToAdopt();
          String initialStatus = catId.isPresent() ? "deciding" : "no_adoption";
          if (!insert(connection, writeBack, initialStatus, null, attempts)) {
            return new Applied(true, recordedAdoption(connection, writeBack.alertId()));
          }
          if (catId.isEmpty()) {
            return new Applied(false, Optional.empty());
          }
          AdoptionOutcome outcome = CatRepository.adoptLocked(connection, catId.get());
          try (PreparedStatement update = connection.prepareStatement(SET_STATUS)) {
            update.setString(1, status(outcome.result()));
            update.setString(2, writeBack.alertId());
            update.executeUpdate();
          }
          return new Applied(false, Optional.of(outcome));
        });
  }

  /**
   * Records that the decision could not be applied, with the reason, so it is visible rather than
   * lost; returns false when the alert had a decision already.
   */
  public boolean recordFailure(WriteBack writeBack, String reason, int attempts)
      throws SQLException {
    requireNonNull(writeBack, "writeBack is null");
    requireNonNull(reason, "reason is null");
    ensureTable();
    return pool.inTransaction(
        connection -> insert(connection, writeBack, "failed", reason, attempts));
  }

  private void ensureTable() throws SQLException {
    if (tableReady) {
      return;
    }
    // A cafe seeded before the ledger existed lacks the table: the UI adds it on first use.
    pool.withConnection(
        connection -> {
          // Only when missing: the UI's role may not create in the schema (the bootstrap does).
          if (!OperationalSchema.exists(connection, OperationalSchema.ADOPTION_DECISIONS_TABLE)) {
            try (Statement statement = connection.createStatement()) {
              statement.execute(OperationalSchema.ADOPTION_DECISIONS_DDL);
            }
          }
          return null;
        });
    tableReady = true;
  }

  private static boolean insert(
      Connection connection, WriteBack writeBack, String status, String reason, int attempts)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setString(1, writeBack.alertId());
      insert.setString(2, writeBack.visitorId());
      insert.setString(3, writeBack.catToAdopt().isPresent() ? ADOPT : NONE);
      insert.setString(4, writeBack.catToAdopt().orElse(null));
      insert.setString(5, status);
      insert.setString(6, reason);
      insert.setInt(7, attempts);
      return insert.executeUpdate() == 1;
    }
  }

  private static Optional<AdoptionOutcome> recordedAdoption(Connection connection, String alertId)
      throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(RECORDED)) {
      select.setString(1, alertId);
      try (ResultSet rows = select.executeQuery()) {
        if (rows.next() && "adopted".equals(rows.getString(2))) {
          return Optional.of(
              new AdoptionOutcome(
                  AdoptionOutcome.Result.ADOPTED, rows.getString(1), rows.getString(3)));
        }
        return Optional.empty();
      }
    }
  }

  private static String status(AdoptionOutcome.Result result) {
    return switch (result) {
      case ADOPTED -> "adopted";
      case ALREADY_ADOPTED -> "already_adopted";
      case NOT_FOUND -> "cat_not_found";
    };
  }
}
