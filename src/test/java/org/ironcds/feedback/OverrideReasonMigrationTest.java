package org.ironcds.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by the first schema, where override reasons were kept per card, still reports
 * their display text after V2 moves them to one row per rule.
 */
class OverrideReasonMigrationTest {
  @Test
  void reasonDisplaysSurviveTheMoveToOneRowPerRule(@TempDir Path dir) throws Exception {
    StorageOptions options = StorageOptions.defaults().withDataDir(dir);
    String url = options.effectiveJdbcUrl();
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      new SchemaMigrator(Dialect.of(url), SchemaMigration.bundled()).migrate(connection, 1);
    }
    try (Connection connection = DriverManager.getConnection(url, "sa", "");
        Statement sql = connection.createStatement()) {
      for (String card : new String[] {"11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222"}) {
        sql.execute("INSERT INTO issued_card VALUES ('" + card + "', 'svc', 'AntiresorptiveCoTherapy', 'warning',"
            + " 'hook-1', TIMESTAMP WITH TIME ZONE '2026-11-20 10:00:00+00', 'https://ehr.test', '')");
        sql.execute("INSERT INTO issued_override_reason VALUES ('" + card + "', 'http://ironcds.org/override',"
            + " 'monitoring-arranged', 'Phosphate and calcium monitoring already arranged')");
      }
      sql.execute("INSERT INTO feedback VALUES ('" + "a".repeat(64) + "', '11111111-1111-1111-1111-111111111111',"
          + " 'svc', 'https://ehr.test', '', 'overridden', TIMESTAMP WITH TIME ZONE '2026-11-20 10:05:00+00',"
          + " TIMESTAMP WITH TIME ZONE '2026-11-20 10:05:01+00', 'http://ironcds.org/override',"
          + " 'monitoring-arranged', NULL, FALSE)");
    }

    try (FeedbackStore store = FeedbackStore.open(options)) {
      FeedbackSummary.RuleSummary rule = store.summary(SummaryQuery.all()).rules().get(0);
      assertThat(rule.issued()).isEqualTo(2);
      assertThat(rule.overrideReasons()).singleElement().satisfies(reason -> {
        assertThat(reason.code()).isEqualTo("monitoring-arranged");
        assertThat(reason.display()).isEqualTo(Optional.of("Phosphate and calcium monitoring already arranged"));
        assertThat(reason.count()).isEqualTo(1);
      });
    }
  }
}
