package org.ironcds.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ironcds.feedback.FeedbackSummary.RuleSummary;
import org.ironcds.feedback.FeedbackSummary.SuggestionCount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by schema V2, with one issued_suggestion row per suggestion, still attributes its
 * feedback to suggestion labels after V3 moves the suggestions into the card rows; on the embedded
 * database and on PostgreSQL.
 */
class InlineSuggestionsMigrationTest {
  static final String CARD_1 = "11111111-1111-1111-1111-111111111111";
  static final String CARD_2 = "22222222-2222-2222-2222-222222222222";
  static final String CARD_BARE = "33333333-3333-3333-3333-333333333333";
  static final String PHOSPHATE_1 = "aaaaaaaa-0000-4000-8000-000000000001";
  static final String HOLD_1 = "0aaaaaaa-0000-4000-8000-000000000002";
  static final String PHOSPHATE_2 = "bbbbbbbb-0000-4000-8000-000000000001";
  static final String HOLD_2 = "cccccccc-0000-4000-8000-000000000002";

  @Test
  void suggestionsRecordedByV2AreStillOfferedAndAcceptedByLabelOnH2(@TempDir Path dir) throws Exception {
    assertSummaryAfterMigration(StorageOptions.defaults().withDataDir(dir), "sa");
  }

  @Test
  void suggestionsRecordedByV2AreStillOfferedAndAcceptedByLabelOnPostgres() throws Exception {
    PostgresTestDatabase.assumeReachable();
    PostgresTestDatabase database = PostgresTestDatabase.create();
    try {
      assertSummaryAfterMigration(database.options(), PostgresTestDatabase.USER);
    } finally {
      database.drop();
    }
  }

  private static void assertSummaryAfterMigration(StorageOptions options, String user) throws Exception {
    String url = options.effectiveJdbcUrl();
    try (Connection connection = DriverManager.getConnection(url, user, "")) {
      new SchemaMigrator(Dialect.of(url), SchemaMigration.bundled()).migrate(connection, 2);
    }
    try (Connection connection = DriverManager.getConnection(url, user, "");
        Statement sql = connection.createStatement()) {
      writeV2Cards(sql);
    }

    try (FeedbackStore store = FeedbackStore.open(options)) {
      RuleSummary rule = store.summary(SummaryQuery.all()).rules().get(0);
      assertThat(rule.issued()).isEqualTo(3);
      assertThat(rule.accepted()).isEqualTo(1);
      assertThat(rule.suggestions()).containsExactly(
          new SuggestionCount("Hold iron until phosphate is known", 2, 0),
          new SuggestionCount("Order phosphate", 2, 1));
      assertThat(rule.overrideReasons()).singleElement()
          .satisfies(reason -> assertThat(reason.display()).isEqualTo(Optional.of("Monitoring already arranged")));
      assertThat(tables(store.options(), user)).doesNotContain("issued_suggestion");
    }
  }

  /** Two cards with two suggestions each (one label written with a line break), one card without. */
  private static void writeV2Cards(Statement sql) throws Exception {
    for (String card : List.of(CARD_1, CARD_2, CARD_BARE)) {
      sql.execute("INSERT INTO issued_card VALUES ('" + card + "', 'svc', 'AntiresorptiveCoTherapy', 'warning',"
          + " 'hook-1', TIMESTAMP WITH TIME ZONE '2026-11-20 10:00:00+00', 'https://ehr.test', '')");
    }
    suggestion(sql, CARD_1, PHOSPHATE_1, "'Order phosphate'");
    suggestion(sql, CARD_1, HOLD_1, "'Hold iron until' || CHR(10) || 'phosphate is known'");
    suggestion(sql, CARD_2, PHOSPHATE_2, "'Order phosphate'");
    suggestion(sql, CARD_2, HOLD_2, "'Hold iron until phosphate is known'");
    sql.execute("INSERT INTO rule_override_reason VALUES ('svc|AntiresorptiveCoTherapy|http://ironcds.org/override|"
        + "monitoring-arranged', 'svc', 'AntiresorptiveCoTherapy', 'http://ironcds.org/override',"
        + " 'monitoring-arranged', 'Monitoring already arranged')");
    String accepted = "a".repeat(64);
    sql.execute("INSERT INTO feedback VALUES ('" + accepted + "', '" + CARD_2 + "', 'svc', 'https://ehr.test', '',"
        + " 'accepted', TIMESTAMP WITH TIME ZONE '2026-11-20 10:05:00+00',"
        + " TIMESTAMP WITH TIME ZONE '2026-11-20 10:05:01+00', NULL, NULL, NULL, FALSE)");
    sql.execute("INSERT INTO feedback_suggestion VALUES ('" + accepted + "', '" + PHOSPHATE_2 + "')");
    sql.execute("INSERT INTO feedback VALUES ('" + "b".repeat(64) + "', '" + CARD_1 + "', 'svc', 'https://ehr.test', '',"
        + " 'overridden', TIMESTAMP WITH TIME ZONE '2026-11-20 10:06:00+00',"
        + " TIMESTAMP WITH TIME ZONE '2026-11-20 10:06:01+00', 'http://ironcds.org/override',"
        + " 'monitoring-arranged', NULL, FALSE)");
  }

  private static void suggestion(Statement sql, String card, String uuid, String label) throws Exception {
    sql.execute("INSERT INTO issued_suggestion VALUES ('" + card + "', '" + uuid + "', " + label + ")");
  }

  private static List<String> tables(StorageOptions options, String user) throws Exception {
    try (Connection connection = DriverManager.getConnection(options.effectiveJdbcUrl(), user, "");
        ResultSet rows = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
      List<String> names = new ArrayList<>();
      while (rows.next()) {
        names.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
      }
      return names;
    }
  }
}
