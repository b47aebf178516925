package dev.catcafe.simulator.producer;

import static java.util.Objects.requireNonNull;

import dev.catcafe.model.CatArchetype;
import dev.catcafe.model.CatStatus;
import dev.catcafe.model.OperationalSchema;
import dev.catcafe.model.VisitorArchetype;
import dev.catcafe.model.WireName;
import dev.catcafe.model.config.PostgresSettings;
import dev.catcafe.simulator.Databases;
import dev.catcafe.simulator.simulation.Roster;
import dev.catcafe.simulator.simulation.SimulatedCat;
import dev.catcafe.simulator.simulation.SimulatedVisitor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the available cats and the visitor personas from the operational database, as the
 * original's cache refresh did (spec §2.2); either part can be replaced by made-up profiles. One
 * long-lived connection, reopened on the next refresh after a failure.
 */
public final class PostgresRoster implements RosterLoader, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresRoster.class);

  private static final String AVAILABLE_CATS =
      "SELECT cat_id, archetype FROM %s WHERE status = ? ORDER BY cat_id"
          .formatted(OperationalSchema.CATS_TABLE);
  private static final String VISITORS =
      "SELECT visitor_id, archetype FROM %s ORDER BY visitor_id"
          .formatted(OperationalSchema.VISITORS_TABLE);

  private final Optional<PostgresSettings> settings;
  private final Optional<List<SimulatedCat>> fixedCats;
  private final Optional<List<SimulatedVisitor>> fixedVisitors;
  private Connection connection;

  /**
   * @param settings the database; may be empty only if both cats and visitors are fixed
   * @param fixedCats made-up cats to use instead of the database's available ones
   * @param fixedVisitors made-up visitors to use instead of the database's
   */
  public PostgresRoster(
      Optional<PostgresSettings> settings,
      Optional<List<SimulatedCat>> fixedCats,
      Optional<List<SimulatedVisitor>> fixedVisitors) {
    this.settings = requireNonNull(settings, "settings is null");
    this.fixedCats = requireNonNull(fixedCats, "fixedCats is null").map(List::copyOf);
    this.fixedVisitors = requireNonNull(fixedVisitors, "fixedVisitors is null").map(List::copyOf);
    if (settings.isEmpty() && (fixedCats.isEmpty() || fixedVisitors.isEmpty())) {
      throw new IllegalArgumentException(
          "a database is needed unless cats and visitors are made up");
    }
  }

  @Override
  public Roster load() throws SQLException {
    try {
      List<SimulatedCat> cats = fixedCats.isPresent() ? fixedCats.get() : availableCats();
      List<SimulatedVisitor> visitors =
          fixedVisitors.isPresent() ? fixedVisitors.get() : visitors();
      return new Roster(cats, visitors);
    } catch (SQLException e) {
      closeConnection();
      throw e;
    }
  }

  private List<SimulatedCat> availableCats() throws SQLException {
    try (PreparedStatement query = connection().prepareStatement(AVAILABLE_CATS)) {
      query.setString(1, CatStatus.AVAILABLE.wireName());
      return readProfiles(query, CatArchetype.class, SimulatedCat::new);
    }
  }

  private List<SimulatedVisitor> visitors() throws SQLException {
    try (PreparedStatement query = connection().prepareStatement(VISITORS)) {
      return readProfiles(query, VisitorArchetype.class, SimulatedVisitor::new);
    }
  }

  /** Rows of (id, archetype wire name), then ends the read-only transaction. */
  private <E extends Enum<E> & WireName, T> List<T> readProfiles(
      PreparedStatement query, Class<E> archetypeType, BiFunction<String, E, T> create)
      throws SQLException {
    List<T> profiles = new ArrayList<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        String id = rows.getString(1);
        parse(archetypeType, rows.getString(2), id)
            .ifPresent(archetype -> profiles.add(create.apply(id, archetype)));
      }
    }
    connection.commit();
    return profiles;
  }

  /** A row with an archetype the simulation does not know is skipped, not fatal. */
  private static <E extends Enum<E> & WireName> Optional<E> parse(
      Class<E> type, String wireName, String id) {
    try {
      return Optional.of(WireName.parse(type, wireName));
    } catch (IllegalArgumentException e) {
      LOG.warn("Skipping {}: {}", id, e.getMessage());
      return Optional.empty();
    }
  }

  private Connection connection() throws SQLException {
    if (connection == null) {
      connection =
          Databases.connect(
              settings.orElseThrow(() -> new IllegalStateException("no database configured")));
      connection.setReadOnly(true);
      connection.setAutoCommit(false);
    }
    return connection;
  }

  private void closeConnection() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.debug("Closing a failed connection", e);
      }
      connection = null;
    }
  }

  @Override
  public void close() {
    closeConnection();
  }
}
