package org.ironcds.feedback;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the feedback schema up to date: applies each bundled {@link SchemaMigration} that {@value
 * #HISTORY} does not list yet, in its own transaction together with its history row.
 *
 * <ul>
 *   <li>Several instances starting together on one PostgreSQL database: each transaction first
 *       takes an advisory lock for the schema, then reads the history, so one instance applies a
 *       version and the others find it done.
 *   <li>A script whose checksum differs from the one recorded when it was applied stops the start:
 *       the database may not be what the code expects.
 *   <li>Versions in the history that this build does not bundle (a newer instance migrated a shared
 *       database during a rolling upgrade) are logged and left alone, as Flyway does by default.
 *   <li>A database that Flyway migrated (earlier builds used it): the versions that {@code
 *       flyway_schema_history} lists as successful are taken over once, without running them again.
 * </ul>
 *
 * <p>Why not Flyway itself: for three scripts it cost a quarter to half a second of start-up CPU,
 * mostly loading its 400 classes, while start-up keeps both cores busy (docs/performance.md).
 */
final class SchemaMigrator {
  static final String HISTORY = "ironcds_schema_history";
  private static final String FLYWAY_HISTORY = "flyway_schema_history";
  private static final Logger log = LoggerFactory.getLogger(SchemaMigrator.class);

  private final Dialect dialect;
  private final List<SchemaMigration> migrations;

  SchemaMigrator(Dialect dialect, List<SchemaMigration> migrations) {
    this.dialect = dialect;
    this.migrations = List.copyOf(migrations);
  }

  /** Applies every bundled migration not applied yet. */
  static void migrate(DataSource dataSource, Dialect dialect) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      new SchemaMigrator(dialect, SchemaMigration.bundled()).migrate(connection, Integer.MAX_VALUE);
    }
  }

  /**
   * Applies the migrations up to and including version {@code target} that are not applied yet.
   *
   * @return the versions this call applied, in order
   * @throws FeedbackStoreException if an applied script has changed, or a script fails (its
   *     transaction is rolled back; on H2 its DDL statements are not, as they commit themselves)
   */
  List<Integer> migrate(Connection connection, int target) throws SQLException {
    List<Integer> applied = new ArrayList<>();
    connection.setAutoCommit(false);
    Map<Integer, String> history;
    Optional<SchemaMigration> next;
    do {
      history = lockedHistory(connection);
      next = firstPending(history, target);
      if (next.isPresent()) {
        apply(connection, next.get());
        applied.add(next.get().version());
      }
      connection.commit();
    } while (next.isPresent());
    logNewer(history);
    return applied;
  }

  /** Opens a transaction that holds the migration lock and returns the validated history. */
  private Map<Integer, String> lockedHistory(Connection connection) throws SQLException {
    try (Statement sql = connection.createStatement()) {
      if (dialect == Dialect.POSTGRESQL) {
        // Released by the transaction's commit or rollback, so a crash cannot leave it held.
        sql.execute("SELECT pg_advisory_xact_lock(hashtextextended(COALESCE(current_schema(), '') || '."
            + HISTORY + "', 0))");
      }
      sql.execute("CREATE TABLE IF NOT EXISTS " + HISTORY + " (version INTEGER NOT NULL PRIMARY KEY,"
          + " description VARCHAR(200) NOT NULL, checksum VARCHAR(64) NOT NULL,"
          + " installed_at TIMESTAMP WITH TIME ZONE NOT NULL)");
      Map<Integer, String> history = history(sql);
      if (history.isEmpty()) {
        adoptFlywayHistory(connection);
        history = history(sql);
      }
      validate(history);
      return history;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    }
  }

  private static Map<Integer, String> history(Statement sql) throws SQLException {
    Map<Integer, String> history = new TreeMap<>();
    try (ResultSet rows = sql.executeQuery("SELECT version, checksum FROM " + HISTORY)) {
      while (rows.next()) {
        history.put(rows.getInt(1), rows.getString(2));
      }
    }
    return history;
  }

  private void validate(Map<Integer, String> history) {
    for (SchemaMigration migration : migrations) {
      String recorded = history.get(migration.version());
      if (recorded != null && !recorded.equals(migration.checksum())) {
        throw new FeedbackStoreException("schema version " + migration.version() + " (" + migration.description()
            + ") differs from the script that was applied to this database: an applied script must not change;"
            + " add a new version instead", null);
      }
    }
  }

  private Optional<SchemaMigration> firstPending(Map<Integer, String> history, int target) {
    return migrations.stream()
        .filter(migration -> migration.version() <= target && !history.containsKey(migration.version()))
        .findFirst();
  }

  private void apply(Connection connection, SchemaMigration migration) throws SQLException {
    long started = System.nanoTime();
    try (Statement sql = connection.createStatement()) {
      for (String statement : migration.statements()) {
        sql.execute(statement);
      }
      record(connection, migration.version(), migration.description(), migration.checksum());
    } catch (SQLException e) {
      connection.rollback();
      throw new FeedbackStoreException("schema version " + migration.version() + " (" + migration.description()
          + ") failed: " + e.getMessage(), e);
    }
    log.info("event=schema_migrated version={} description={} ms={}", migration.version(),
        migration.description(), (System.nanoTime() - started) / 1_000_000);
  }

  private static void record(Connection connection, int version, String description, String checksum)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + HISTORY
        + " (version, description, checksum, installed_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)")) {
      insert.setInt(1, version);
      insert.setString(2, description);
      insert.setString(3, checksum);
      insert.executeUpdate();
    }
  }

  /**
   * Records the versions Flyway applied successfully as applied here, with the bundled script's
   * checksum (Flyway validated them against the same scripts when it ran). Flyway's table stays.
   */
  private void adoptFlywayHistory(Connection connection) throws SQLException {
    Optional<String> table = tableInCurrentSchema(connection, FLYWAY_HISTORY);
    if (table.isEmpty()) {
      return;
    }
    List<Integer> versions = new ArrayList<>();
    try (Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery("SELECT \"version\", \"description\" FROM \"" + table.get()
            + "\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
      while (rows.next()) {
        int version = flywayVersion(rows.getString(1));
        record(connection, version, rows.getString(2).replace(' ', '_'), checksumOf(version));
        versions.add(version);
      }
    }
    log.info("event=schema_history_adopted from={} versions={}", FLYWAY_HISTORY, versions);
  }

  private static int flywayVersion(String version) {
    try {
      return Integer.parseInt(version.strip());
    } catch (NumberFormatException e) {
      throw new FeedbackStoreException("flyway_schema_history lists version '" + version
          + "', which no build of this service made", e);
    }
  }

  /** The bundled script's checksum, or "unknown" for a version this build does not bundle. */
  private String checksumOf(int version) {
    return migrations.stream().filter(migration -> migration.version() == version).findFirst()
        .map(SchemaMigration::checksum).orElse("unknown");
  }

  private static Optional<String> tableInCurrentSchema(Connection connection, String name) throws SQLException {
    DatabaseMetaData metadata = connection.getMetaData();
    String escape = metadata.getSearchStringEscape();
    String schema = connection.getSchema();
    String pattern = schema == null ? null : schema.replace("_", escape + "_").replace("%", escape + "%");
    try (ResultSet tables = metadata.getTables(null, pattern, null, new String[] {"TABLE"})) {
      while (tables.next()) {
        if (tables.getString("TABLE_NAME").equalsIgnoreCase(name)) {
          return Optional.of(tables.getString("TABLE_NAME"));
        }
      }
    }
    return Optional.empty();
  }

  private void logNewer(Map<Integer, String> history) {
    List<Integer> newer = history.keySet().stream()
        .filter(version -> migrations.stream().noneMatch(migration -> migration.version() == version))
        .toList();
    if (!newer.isEmpty()) {
      log.warn("event=schema_newer_than_service versions={} note=\"a newer build migrated this database;"
          + " this one runs on it unchanged\"", newer);
    }
  }
}
