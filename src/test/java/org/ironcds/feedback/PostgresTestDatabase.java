package org.ironcds.feedback;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away schema in the local PostgreSQL test database ({@code
 * jdbc:postgresql://127.0.0.1:5432/test}, user {@code postgres}, trust authentication).
 *
 * <p>When the server cannot be reached the tests are skipped with a message, unless the
 * environment variable {@code CI} is set or {@code IRONCDS_REQUIRE_POSTGRES=true}: then they fail.
 * {@code scripts/ensure-postgres.sh} installs and starts the server.
 */
final class PostgresTestDatabase {
  static final String URL = System.getProperty("ironcds.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
  static final String USER = System.getProperty("ironcds.test.postgres.user", "postgres");

  private final String schema;

  private PostgresTestDatabase(String schema) {
    this.schema = schema;
  }

  static boolean required() {
    return System.getenv("CI") != null || "true".equalsIgnoreCase(System.getenv("IRONCDS_REQUIRE_POSTGRES"));
  }

  /** Skips the calling tests when PostgreSQL is down, or fails them when it is required. */
  static void assumeReachable() {
    try {
      connect().close();
    } catch (SQLException e) {
      String message = "PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
          + "); run scripts/ensure-postgres.sh";
      if (required()) {
        throw new AssertionError(message + ". PostgreSQL is required because CI or IRONCDS_REQUIRE_POSTGRES is set", e);
      }
      Assumptions.abort(message + ". Skipping the PostgreSQL tests; set IRONCDS_REQUIRE_POSTGRES=true to fail instead");
    }
  }

  static PostgresTestDatabase create() throws SQLException {
    String schema = "feedback_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA " + schema);
    }
    return new PostgresTestDatabase(schema);
  }

  StorageOptions options() {
    return StorageOptions.defaults().withJdbcUrl(URL + "?currentSchema=" + schema).withCredentials(USER, "").withPoolSize(4);
  }

  void drop() throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(URL, USER, "");
  }
}
