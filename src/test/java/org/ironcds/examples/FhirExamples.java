package org.ironcds.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ironcds.cdshooks.Hook;

/**
 * The request files under {@code fhir-examples/} with their expected outcomes from
 * {@code expected.json}; reusable by the HTTP-level test (post {@link Example#body()} to
 * {@code /cds-services/<service>} and compare the cards with {@link Example#cards()}).
 */
public final class FhirExamples {
  public static final Path DIRECTORY = Path.of("fhir-examples");

  /** One expected card: the rule (or card kind) and its indicator code. */
  public record ExpectedCard(String ruleId, String indicator) {}

  /** One example request and what it should produce. */
  public record Example(String file, String service, Hook hook, byte[] body, List<ExpectedCard> cards) {
    public Example {
      Objects.requireNonNull(file, "file == null");
      cards = List.copyOf(cards);
    }

    @Override
    public String toString() {
      return file;
    }
  }

  private FhirExamples() {}

  /** The signing moment the expected outcomes hold for (examples are dated for November 2026). */
  public static Instant signedAt() {
    return Instant.parse(expected().path("signedAt").asText());
  }

  public static List<Example> all() {
    List<Example> examples = new ArrayList<>();
    for (JsonNode node : expected().path("examples")) {
      String file = node.path("file").asText();
      String service = node.path("service").asText();
      Hook hook = service.endsWith("order-select") ? Hook.ORDER_SELECT : Hook.ORDER_SIGN;
      List<ExpectedCard> cards = new ArrayList<>();
      node.path("cards").forEach(c -> cards.add(new ExpectedCard(c.path("ruleId").asText(), c.path("indicator").asText())));
      examples.add(new Example(file, service, hook, read(DIRECTORY.resolve(file)), cards));
    }
    return examples;
  }

  private static JsonNode expected() {
    try {
      return new ObjectMapper().readTree(read(DIRECTORY.resolve("expected.json")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path path) {
    try {
      return Files.readAllBytes(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
