package org.ironcds.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StorageOptionsTest {
  @Test
  void defaultsToTheEmbeddedDatabaseInTheDataDirectory() {
    StorageOptions options = StorageOptions.defaults();

    assertThat(options.embedded()).isTrue();
    assertThat(options.effectiveJdbcUrl())
        .isEqualTo("jdbc:h2:file:" + Path.of("data").toAbsolutePath().resolve("iron-cds") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=1024");
    assertThat(options.poolSize()).isEqualTo(8);
    assertThat(options.retention()).isEqualTo(Duration.ofDays(400));
  }

  @Test
  void aPostgresUrlReplacesTheEmbeddedDatabase() {
    StorageOptions options = StorageOptions.defaults().withJdbcUrl("jdbc:postgresql://db:5432/ironcds");

    assertThat(options.embedded()).isFalse();
    assertThat(options.effectiveJdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/ironcds");
  }

  @Test
  void refusesOtherDatabases() {
    assertThatThrownBy(() -> StorageOptions.defaults().withJdbcUrl("jdbc:mysql://db/x"))
        .hasMessage("unsupported JDBC URL; use jdbc:postgresql:… or leave it empty for the embedded database");
  }

  @Test
  void neverShowsThePassword() {
    StorageOptions options = StorageOptions.defaults().withCredentials("ironcds", "hunter22");

    assertThat(options.toString()).doesNotContain("hunter22").contains("password=***");
  }

  @Test
  void summaryBoundsAcceptDatesAndDateTimes() {
    SummaryQuery query = SummaryQuery.parse(
        Optional.of("2026-11-01"), Optional.of("2026-11-02T12:00:00+01:00"), Optional.empty());

    assertThat(query.since()).contains(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(query.until()).contains(Instant.parse("2026-11-02T11:00:00Z"));
    assertThatThrownBy(() -> SummaryQuery.parse(Optional.of("last week"), Optional.empty(), Optional.empty()))
        .hasMessage("since must be a date (2026-11-01) or a date-time with offset (2026-11-01T00:00:00Z)");
  }
}
