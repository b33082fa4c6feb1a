package org.ironcds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline {@code evaluate} command hospital IT uses to review requests without a server. */
class EvaluateTest {
  private static final String EXAMPLE = "fhir-examples/02-fcm-denosumab-low-phosphate-critical.json";
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int evaluate(String... args) {
    return Evaluate.run(Map.of(), args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void printsTheCardsOfARequestFileAtTheGivenMoment() throws Exception {
    assertThat(evaluate(EXAMPLE, "--at", "2026-11-21T10:00:00Z")).isZero();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).contains("iron-antiresorptive-order-sign at 2026-11-21T10:00:00Z: 2 cards",
        "[critical] IV iron with denosumab", "[info] Lower-risk IV iron available");
    String json = text.substring(text.indexOf("{"));
    assertThat(new ObjectMapper().readTree(json).path("cards")).hasSize(2);
  }

  @Test
  void jsonOptionPrintsOnlyTheResponse() throws Exception {
    assertThat(evaluate(EXAMPLE, "--at", "2026-11-21T10:00:00Z", "--json")).isZero();
    assertThat(new ObjectMapper().readTree(out.toByteArray()).path("cards")).hasSize(2);
  }

  @Test
  void requestWithoutItsHistorySaysWhatIsMissing(@TempDir Path dir) throws Exception {
    ObjectNode request = (ObjectNode) new ObjectMapper().readTree(Path.of(EXAMPLE).toFile());
    request.remove("prefetch");
    Path file = dir.resolve("no-prefetch.json");
    Files.writeString(file, request.toString());
    assertThat(evaluate(file.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("required data missing", "medicationRequests",
        "evaluate contacts no FHIR server");
  }

  @Test
  void invalidRequestAndBadArgumentsAreReported(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, "{\"hook\":\"order-sign\"}");
    assertThat(evaluate(file.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("invalid request at hookInstance");
    assertThat(evaluate(dir.resolve("missing.json").toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot read");
    assertThat(evaluate(EXAMPLE, "--at", "yesterday")).isEqualTo(2);
    assertThat(evaluate()).isEqualTo(2);
  }
}
