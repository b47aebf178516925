package dev.catcafe.model.config;

/**
 * Trino's file-based system access control ({@code rules.json}) for the {@link TrinoUser}s: the one
 * rule set the local server and the cluster's Helm values both load. Rules match first to last; a
 * user or object no rule names is denied.
 *
 * <ul>
 *   <li>{@link TrinoUser#ANALYST}: the lake and the cafe database read-only (catalog access {@code
 *       read-only}, table privilege {@code SELECT}); no schema it owns, no procedure (so neither
 *       {@code CALL postgresql.system.execute} nor the Iceberg procedures), no table function. Its
 *       lake catalog ({@link TrinoCatalogs#LAKE}) is read-only in the connector too, which also
 *       refuses the table procedures these rules cannot name; the writable lake catalog ({@link
 *       TrinoCatalogs#LAKE_WRITABLE}) it may not even see.
 *   <li>{@link TrinoUser#VIEW_OWNER}: owns the {@code *_analytics} schemas of the writable lake
 *       catalog and what is in them, where it creates the views; reads (with {@code GRANT_SELECT})
 *       the lake and the cafe database, which a {@code SECURITY DEFINER} view needs of its owner:
 *       the views run as their owner, so the analyst reads them, through the read-only catalog,
 *       without rights of its own on the tables. Catalog access {@code all} is what Trino requires
 *       of a view's owner; the table rules still allow it only to read.
 *   <li>{@link TrinoUser#BENCH}: owns the {@code *_bench} namespaces and their {@code _analytics}
 *       schemas in the writable catalog (tables and views it generates), reads them and the cafe
 *       database.
 *   <li>{@link TrinoUser#PLATFORM}: the {@code postgresql.system.query} table function (the
 *       launcher's readiness scan) and nothing else.
 * </ul>
 *
 * Every user reads the {@code system} catalog (catalog listing, {@code system.jdbc}, its own
 * queries) and runs built-in functions; nobody may impersonate, set authorization or see or kill
 * another user's queries.
 */
public final class TrinoAccessRules {
  private TrinoAccessRules() {}

  /** The rules file. */
  public static String json() {
    String analyst = TrinoUser.ANALYST.userName();
    String viewOwner = TrinoUser.VIEW_OWNER.userName();
    String bench = TrinoUser.BENCH.userName();
    String platform = TrinoUser.PLATFORM.userName();
    String lake = TrinoCatalogs.LAKE;
    String writable = TrinoCatalogs.LAKE_WRITABLE;
    String cafe = TrinoCatalogs.OPERATIONAL;
    return """
        {
          "catalogs": [
            {"user": "%1$s|%2$s", "catalog": "%5$s|%7$s|%6$s", "allow": "all"},
            {"user": "%3$s", "catalog": "%5$s|%6$s", "allow": "read-only"},
            {"user": "%4$s", "catalog": "%6$s", "allow": "read-only"},
            {"catalog": "system", "allow": "read-only"},
            {"allow": "none"}
          ],
          "schemas": [
            {"user": "%1$s", "catalog": "%7$s", "schema": ".*_analytics", "owner": true},
            {"user": "%2$s", "catalog": "%7$s", "schema": ".*_bench(_analytics)?", "owner": true},
            {"owner": false}
          ],
          "tables": [
            {"user": "%1$s", "catalog": "%7$s", "schema": ".*_analytics",
             "privileges": ["SELECT", "GRANT_SELECT", "OWNERSHIP"]},
            {"user": "%1$s", "catalog": "%5$s|%6$s", "privileges": ["SELECT", "GRANT_SELECT"]},
            {"user": "%2$s", "catalog": "%7$s", "schema": ".*_bench(_analytics)?",
             "privileges": ["SELECT", "INSERT", "DELETE", "UPDATE", "OWNERSHIP", "GRANT_SELECT"]},
            {"user": "%2$s", "catalog": "%5$s", "schema": ".*_bench(_analytics)?",
             "privileges": ["SELECT", "GRANT_SELECT"]},
            {"user": "%2$s", "catalog": "%6$s", "privileges": ["SELECT", "GRANT_SELECT"]},
            {"user": "%3$s", "catalog": "%5$s|%6$s", "privileges": ["SELECT"]},
            {"catalog": "system", "privileges": ["SELECT"]},
            {"privileges": []}
          ],
          "functions": [
            {"catalog": "system", "schema": "builtin", "privileges": ["EXECUTE", "GRANT_EXECUTE"]},
            {"user": "%4$s", "catalog": "%6$s", "schema": "system", "function": "query",
             "privileges": ["EXECUTE"]},
            {"privileges": []}
          ],
          "procedures": [
            {"privileges": []}
          ],
          "queries": [
            {"allow": ["execute"]}
          ]
        }
        """
        .formatted(viewOwner, bench, analyst, platform, lake, cafe, writable);
  }
}
