package org.ironcds.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link SchemaMigrator} on the embedded H2 database and on PostgreSQL. */
class SchemaMigratorTest {
  enum Database { H2, POSTGRESQL }

  private final List<AutoCloseable> cleanUp = new ArrayList<>();
  @TempDir Path dir;

  @AfterEach
  void dropDatabases() throws Exception {
    for (AutoCloseable database : cleanUp) {
      database.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aNewDatabaseGetsEveryVersionOnceAndASecondStartAppliesNothing(Database database) throws Exception {
    String url = fresh(database);

    assertThat(migrate(url, SchemaMigration.bundled())).containsExactly(1, 2, 3);
    assertThat(migrate(url, SchemaMigration.bundled())).isEmpty();

    assertThat(history(url)).containsOnlyKeys(1, 2, 3)
        .containsEntry(3, SchemaMigration.bundled().get(2).checksum());
    assertThat(tables(url)).contains("issued_card", "feedback", "rule_override_reason")
        .doesNotContain("issued_suggestion", "issued_override_reason");
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void stopsAtTheTargetVersion(Database database) throws Exception {
    String url = fresh(database);

    assertThat(migrate(url, SchemaMigration.bundled(), 1)).containsExactly(1);

    assertThat(tables(url)).contains("issued_suggestion", "issued_override_reason")
        .doesNotContain("rule_override_reason");
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aScriptChangedAfterItWasAppliedStopsTheStartAndAppliesNothing(Database database) throws Exception {
    String url = fresh(database);
    migrate(url, SchemaMigration.bundled(), 2);
    List<SchemaMigration> edited = new ArrayList<>(SchemaMigration.bundled());
    SchemaMigration v2 = edited.get(1);
    edited.set(1, new SchemaMigration(2, v2.description(), v2.script() + "\nDROP TABLE feedback_suggestion;\n"));

    assertThatThrownBy(() -> migrate(url, edited))
        .isInstanceOf(FeedbackStoreException.class)
        .hasMessageContaining("schema version 2 (override_reasons_per_rule) differs from the script that was applied");

    assertThat(history(url)).containsOnlyKeys(1, 2);
    assertThat(tables(url)).contains("feedback_suggestion");
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aWindowsCheckoutOfTheSameScriptIsNotAnEdit(Database database) throws Exception {
    String url = fresh(database);
    migrate(url, SchemaMigration.bundled());
    List<SchemaMigration> crlf = SchemaMigration.bundled().stream()
        .map(m -> new SchemaMigration(m.version(), m.description(), m.script().replace("\n", "\r\n")))
        .toList();

    assertThat(migrate(url, crlf)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void versionsANewerBuildAppliedAreLeftAlone(Database database) throws Exception {
    String url = fresh(database);
    List<SchemaMigration> newer = new ArrayList<>(SchemaMigration.bundled());
    newer.add(SchemaMigration.of("V4__newer_build.sql", "CREATE TABLE newer_build (id INTEGER);"));
    migrate(url, newer);

    assertThat(migrate(url, SchemaMigration.bundled())).isEmpty();

    assertThat(history(url)).containsOnlyKeys(1, 2, 3, 4);
    assertThat(tables(url)).contains("newer_build");
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aFailingScriptIsReportedByVersionAndNotRecorded(Database database) throws Exception {
    String url = fresh(database);
    List<SchemaMigration> failing = new ArrayList<>(SchemaMigration.bundled());
    failing.add(SchemaMigration.of("V4__fails.sql",
        "INSERT INTO rule_override_reason VALUES ('k', 's', 'r', 'c', 'x', 'd');\nSELECT no_such_column FROM feedback;"));

    assertThatThrownBy(() -> migrate(url, failing))
        .isInstanceOf(FeedbackStoreException.class)
        .hasMessageContaining("schema version 4 (fails) failed");

    assertThat(history(url)).containsOnlyKeys(1, 2, 3);
    assertThat(count(url, "rule_override_reason")).isZero(); // the insert before the failure is rolled back
  }

  @ParameterizedTest
  @EnumSource(Database.class)
  void aDatabaseFlywayMigratedIsTakenOverWithoutRunningItsScriptsAgain(Database database) throws Exception {
    String url = fresh(database);
    Flyway.configure().dataSource(url, user(database), "").target("2").load().migrate();

    // V1 and V2 would fail if run again: their tables exist.
    assertThat(migrate(url, SchemaMigration.bundled())).containsExactly(3);

    Map<Integer, String> history = history(url);
    assertThat(history).containsOnlyKeys(1, 2, 3);
    for (SchemaMigration migration : SchemaMigration.bundled()) {
      assertThat(history.get(migration.version())).isEqualTo(migration.checksum());
    }
    assertThat(migrate(url, SchemaMigration.bundled())).isEmpty();
  }

  @Test
  void instancesStartingTogetherOnPostgresqlApplyEachVersionOnce() throws Exception {
    String url = fresh(Database.POSTGRESQL);
    int instances = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(instances);
    try {
      List<Future<List<Integer>>> results = new ArrayList<>();
      for (int i = 0; i < instances; i++) {
        Callable<List<Integer>> instance = () -> {
          start.await();
          return migrate(url, SchemaMigration.bundled());
        };
        results.add(pool.submit(instance));
      }
      start.countDown();
      List<Integer> applied = new ArrayList<>();
      for (Future<List<Integer>> result : results) {
        applied.addAll(result.get(60, TimeUnit.SECONDS));
      }
      Collections.sort(applied);
      assertThat(applied).containsExactly(1, 2, 3);
    } finally {
      pool.shutdownNow();
    }
    assertThat(history(url)).containsOnlyKeys(1, 2, 3);
  }

  private String fresh(Database database) throws Exception {
    if (database == Database.H2) {
      return StorageOptions.defaults().withDataDir(dir).effectiveJdbcUrl();
    }
    PostgresTestDatabase.assumeReachable();
    PostgresTestDatabase postgres = PostgresTestDatabase.create();
    cleanUp.add(postgres::drop);
    return postgres.options().effectiveJdbcUrl();
  }

  private static String user(Database database) {
    return database == Database.H2 ? "sa" : PostgresTestDatabase.USER;
  }

  private static Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, url.startsWith("jdbc:h2:") ? "sa" : PostgresTestDatabase.USER, "");
  }

  private static List<Integer> migrate(String url, List<SchemaMigration> migrations) throws SQLException {
    return migrate(url, migrations, Integer.MAX_VALUE);
  }

  private static List<Integer> migrate(String url, List<SchemaMigration> migrations, int target) throws SQLException {
    try (Connection connection = connect(url)) {
      return new SchemaMigrator(Dialect.of(url), migrations).migrate(connection, target);
    }
  }

  private static Map<Integer, String> history(String url) throws SQLException {
    Map<Integer, String> history = new TreeMap<>();
    try (Connection connection = connect(url); Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery("SELECT version, checksum FROM " + SchemaMigrator.HISTORY)) {
      while (rows.next()) {
        history.put(rows.getInt(1), rows.getString(2));
      }
    }
    return history;
  }

  private static int count(String url, String table) throws SQLException {
    try (Connection connection = connect(url); Statement sql = connection.createStatement();
        ResultSet rows = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** The tables of the connection's schema, in lower case. */
  private static List<String> tables(String url) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection connection = connect(url);
        ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), null, new String[] {"TABLE"})) {
      while (rows.next()) {
        tables.add(rows.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
      }
    }
    return tables;
  }
}
