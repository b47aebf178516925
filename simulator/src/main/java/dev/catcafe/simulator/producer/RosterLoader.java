package dev.catcafe.simulator.producer;

import dev.catcafe.simulator.simulation.Roster;
import java.sql.SQLException;

/** Reads who is in the cafe: from PostgreSQL, made up, or both. */
@FunctionalInterface
public interface RosterLoader {
  Roster load() throws SQLException;
}
