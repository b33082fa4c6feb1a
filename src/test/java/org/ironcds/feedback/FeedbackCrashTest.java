package org.ironcds.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feedback answered with 2xx survives a SIGKILL of the server: the real server runs in its own
 * process on the embedded database, takes feedback, is killed right after the last 200, and after
 * a restart on the same data directory every item is there.
 */
@Tag("crash")
class FeedbackCrashTest {
  static final String TOKEN = "crash-test-admin-token-0123456789";
  static final String SERVICE = "iron-antiresorptive-order-sign";
  static final int POSTS = 20;

  @TempDir Path dataDir;

  @Test
  void feedbackAnsweredWith200SurvivesSigkill() throws Exception {
    String lastBody;
    try (ServerProcess server = ServerProcess.start(dataDir, TOKEN)) {
      for (int i = 0; i < POSTS - 1; i++) {
        assertThat(server.post(feedbackPath(), overridden(UUID.randomUUID())).statusCode()).isEqualTo(200);
      }
      lastBody = accepted(UUID.randomUUID());
      HttpResponse<String> last = server.post(feedbackPath(), lastBody);
      server.kill();
      assertThat(last.statusCode()).isEqualTo(200);
    }

    try (ServerProcess restarted = ServerProcess.start(dataDir, TOKEN)) {
      JsonNode unattributed = unattributed(restarted);
      assertThat(unattributed.path("service").asText()).isEqualTo(SERVICE);
      assertThat(unattributed.path("overridden").asLong()).isEqualTo(POSTS - 1);
      assertThat(unattributed.path("accepted").asLong()).isEqualTo(1);

      assertThat(restarted.post(feedbackPath(), lastBody).statusCode()).isEqualTo(200);
      assertThat(unattributed(restarted).path("accepted").asLong()).as("a repeat after restart").isEqualTo(1);
      assertThat(reportWhileServerRuns()).contains("the embedded database is in use by a running server");
    }
  }

  private static String feedbackPath() {
    return "/cds-services/" + SERVICE + "/feedback";
  }

  private static JsonNode unattributed(ServerProcess server) throws Exception {
    HttpResponse<String> summary = server.get("/admin/feedback/summary", TOKEN);
    assertThat(summary.statusCode()).isEqualTo(200);
    return new ObjectMapper().readTree(summary.body()).path("unattributed").path(0);
  }

  private String reportWhileServerRuns() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = FeedbackReport.run(StorageOptions.defaults().withDataDir(dataDir), new String[0],
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(1);
    return err.toString(StandardCharsets.UTF_8);
  }

  private static String overridden(UUID card) {
    return """
        {"feedback":[{"card":"%s","outcome":"overridden","outcomeTimestamp":"2026-11-21T15:20:50Z",
          "overrideReason":{"reason":{"code":"not-relevant","system":"https://example.org/override"}}}]}"""
        .formatted(card);
  }

  private static String accepted(UUID card) {
    return """
        {"feedback":[{"card":"%s","outcome":"accepted","acceptedSuggestions":[{"id":"%s"}],
          "outcomeTimestamp":"2026-11-21T15:20:50Z"}]}""".formatted(card, UUID.randomUUID());
  }
}
