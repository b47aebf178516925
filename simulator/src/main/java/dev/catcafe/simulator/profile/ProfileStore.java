package dev.catcafe.simulator.profile;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.OperationalSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes generated profiles into {@code cats} and {@code visitors}, all in one transaction: a run
 * either seeds both tables completely or leaves the database as it found it.
 */
public final class ProfileStore {
  /** Serialises concurrent seeders (e.g. two {@code make run}s) on one database. */
  private static final long SEED_LOCK_KEY = 0x6361_7463_6166_6531L;

  private static final int BATCH_SIZE = 1_000;

  private final Connection connection;

  /** {@code connection} is used in manual-commit mode; the caller closes it. */
  public ProfileStore(Connection connection) {
    this.connection = requireNonNull(connection, "connection is null");
  }

  /**
   * Creates the tables if needed and fills them, unless they already hold rows (idempotence); with
   * {@code reset} it empties them first. Generates the profiles only when they are written.
   */
  public SeedOutcome seed(Supplier<Profiles> profiles, boolean reset) throws SQLException {
    requireNonNull(profiles, "profiles is null");
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_advisory_xact_lock(%d)".formatted(SEED_LOCK_KEY));
      }
      OperationalSchema.createTables(connection);
      if (reset) {
        // Emptied rather than dropped: the simulator's role may write rows, not change the schema.
        // The UI's adoption decisions name the old cafe's alerts and cats: they go too.
        try (Statement statement = connection.createStatement()) {
          for (String table :
              List.of(
                  OperationalSchema.ADOPTION_DECISIONS_TABLE,
                  OperationalSchema.VISITORS_TABLE,
                  OperationalSchema.CATS_TABLE)) {
            statement.execute("DELETE FROM " + table);
          }
        }
      }
      long existingCats = count(OperationalSchema.CATS_TABLE);
      long existingVisitors = count(OperationalSchema.VISITORS_TABLE);
      if (existingCats > 0 || existingVisitors > 0) {
        connection.commit();
        return new SeedOutcome(false, existingCats, existingVisitors);
      }
      Profiles generated = profiles.get();
      insertAll(
          OperationalSchema.CATS_TABLE,
          OperationalSchema.CATS_COLUMNS,
          generated.cats(),
          ProfileStore::bindCat);
      insertAll(
          OperationalSchema.VISITORS_TABLE,
          OperationalSchema.VISITORS_COLUMNS,
          generated.visitors(),
          ProfileStore::bindVisitor);
      connection.commit();
      return new SeedOutcome(true, generated.cats().size(), generated.visitors().size());
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private long count(String table) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Inserts {@code rows} in batches of {@link #BATCH_SIZE}, each bound by {@code binder}. */
  private <T> void insertAll(String table, List<String> columns, List<T> rows, RowBinder<T> binder)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(insertSql(table, columns))) {
      int pending = 0;
      for (T row : rows) {
        binder.bind(insert, row);
        insert.addBatch();
        if (++pending == BATCH_SIZE) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    }
  }

  private static void bindCat(PreparedStatement insert, CatProfile cat) throws SQLException {
    insert.setString(1, cat.catId());
    insert.setString(2, cat.name());
    insert.setString(3, cat.coatColor().wireName());
    insert.setString(4, cat.coatLength().wireName());
    insert.setInt(5, cat.ageMonths());
    insert.setString(6, cat.archetype().wireName());
    insert.setString(7, cat.status().wireName());
    insert.setTimestamp(8, Timestamp.valueOf(cat.admittedDate()));
    if (cat.adoptedDate().isPresent()) {
      insert.setTimestamp(9, Timestamp.valueOf(cat.adoptedDate().get()));
    } else {
      insert.setNull(9, Types.TIMESTAMP);
    }
    insert.setTimestamp(10, Timestamp.valueOf(cat.lastCheckupTime()));
  }

  private static void bindVisitor(PreparedStatement insert, VisitorProfile visitor)
      throws SQLException {
    insert.setString(1, visitor.visitorId());
    insert.setString(2, visitor.name());
    insert.setString(3, visitor.archetype().wireName());
    insert.setTimestamp(4, Timestamp.valueOf(visitor.firstVisitDate()));
  }

  private static String insertSql(String table, List<String> columns) {
    return "INSERT INTO %s (%s) VALUES (%s)"
        .formatted(
            table,
            String.join(", ", columns),
            String.join(", ", Collections.nCopies(columns.size(), "?")));
  }

  /**
   * What a seed run found or did.
   *
   * @param inserted whether this run wrote the rows (false: the tables already held data)
   * @param cats rows in {@code cats} afterwards
   * @param visitors rows in {@code visitors} afterwards
   */
  public record SeedOutcome(boolean inserted, long cats, long visitors) {}

  /** Sets one row's parameters on the insert statement. */
  @FunctionalInterface
  private interface RowBinder<T> {
    void bind(PreparedStatement insert, T row) throws SQLException;
  }
}
