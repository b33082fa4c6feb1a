package org.ironcds.fhir;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

/**
 * Writes the FHIR R4 OperationOutcome bodies of error responses. The resource is four fixed
 * elements, so it is written with a streaming JSON generator; {@code OperationOutcomesTest} checks
 * that HAPI reads back exactly the resource it would have built.
 */
public final class OperationOutcomes {
  /** The FHIR R4 issue-type codes (http://hl7.org/fhir/issue-type), so a typo cannot reach a client. */
  private static final Set<String> ISSUE_TYPES = Set.of("invalid", "structure", "required", "value", "invariant",
      "security", "login", "unknown", "expired", "forbidden", "suppressed", "processing", "not-supported",
      "duplicate", "multiple-matches", "not-found", "deleted", "too-long", "code-invalid", "extension", "too-costly",
      "business-rule", "conflict", "transient", "lock-error", "no-store", "exception", "timeout", "incomplete",
      "throttled", "informational");
  private static final JsonFactory JSON = new JsonFactory();

  private OperationOutcomes() {}

  /**
   * One issue of severity {@code error}.
   *
   * @param type a FHIR issue-type code such as {@code invalid}, {@code not-found} or {@code security}
   * @param diagnostics what is wrong, for a developer; never patient data
   * @param expressions where in the request body, as paths; may be empty
   */
  public static String error(String type, String diagnostics, List<String> expressions) {
    if (!ISSUE_TYPES.contains(type)) {
      throw new IllegalArgumentException("not a FHIR issue type: " + type);
    }
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("resourceType", "OperationOutcome");
      json.writeArrayFieldStart("issue");
      json.writeStartObject();
      json.writeStringField("severity", "error");
      json.writeStringField("code", type);
      if (diagnostics != null && !diagnostics.isEmpty()) {
        json.writeStringField("diagnostics", diagnostics);
      }
      if (!expressions.isEmpty()) {
        json.writeArrayFieldStart("expression");
        for (String expression : expressions) {
          json.writeString(expression);
        }
        json.writeEndArray();
      }
      json.writeEndObject();
      json.writeEndArray();
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return out.toString();
  }
}
