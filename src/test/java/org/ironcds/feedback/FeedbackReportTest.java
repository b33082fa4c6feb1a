package org.ironcds.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.ironcds.cdsservice.IssuedCard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackReportTest {
  @TempDir Path dataDir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void printsTheSummaryTableOfTheStore() {
    StorageOptions options = StorageOptions.defaults().withDataDir(dataDir);
    try (FeedbackStore store = FeedbackStore.open(options)) {
      IssuedCard card = Cards.issued("iron-sign", "iv-iron-denosumab", Instant.parse("2026-11-02T08:00:00Z"));
      store.record(List.of(card));
      store.store("iron-sign", Cards.EHR, List.of(FeedbackStoreContract.accepted(card, "Order phosphate")));
    }

    int status = run(options, "--since", "2026-11-01", "--service", "iron-sign");

    assertThat(status).isZero();
    assertThat(text(out))
        .contains("cards issued from 2026-11-01T00:00:00Z until now, service iron-sign")
        .contains("iron-sign  iv-iron-denosumab       1         1           0      100.0%")
        .contains("Order phosphate        1         1");
  }

  @Test
  void printsJsonOnRequest() {
    int status = run(StorageOptions.defaults().withDataDir(dataDir), "--json");

    assertThat(status).isZero();
    assertThat(text(out)).contains("\"rules\" : [ ]");
  }

  @Test
  void badArgumentsExitWithStatusTwoAndUsage() {
    assertThat(run(StorageOptions.defaults().withDataDir(dataDir), "--since", "last week")).isEqualTo(2);
    assertThat(text(err)).contains("since must be a date").contains("usage: feedback-report");
    assertThat(run(StorageOptions.defaults().withDataDir(dataDir), "--bogus")).isEqualTo(2);
    assertThat(run(StorageOptions.defaults().withDataDir(dataDir), "--service")).isEqualTo(2);
  }

  @Test
  void saysWhatFailedWhenTheDatabaseCannotBeOpened() {
    StorageOptions missing = StorageOptions.defaults()
        .withJdbcUrl("jdbc:h2:file:" + dataDir.resolve("missing") + ";IFEXISTS=TRUE");

    assertThat(run(missing)).isEqualTo(1);
    assertThat(text(err)).startsWith("feedback-report: cannot connect to the feedback database");
  }

  private int run(StorageOptions options, String... args) {
    return FeedbackReport.run(options, args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String text(ByteArrayOutputStream stream) {
    return stream.toString(StandardCharsets.UTF_8);
  }
}
