package org.ironcds.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Test;

/** Error bodies are written without HAPI; HAPI must read back the resource it would have built. */
class OperationOutcomesTest {
  @Test
  void errorWithPathsIsTheOperationOutcomeHapiWouldBuild() {
    String json = OperationOutcomes.error("invalid", "context.draftOrders: \"must\" be a Bundle\n",
        List.of("context.draftOrders", "prefetch.labs"));

    OperationOutcome expected = new OperationOutcome();
    expected.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.INVALID)
        .setDiagnostics("context.draftOrders: \"must\" be a Bundle\n")
        .addExpression("context.draftOrders").addExpression("prefetch.labs");
    assertSame(json, expected);
  }

  @Test
  void errorWithoutPathsHasNoExpression() {
    String json = OperationOutcomes.error("not-found", "Unknown service", List.of());

    assertThat(json).doesNotContain("expression");
    OperationOutcome expected = new OperationOutcome();
    expected.addIssue().setSeverity(IssueSeverity.ERROR).setCode(IssueType.NOTFOUND).setDiagnostics("Unknown service");
    assertSame(json, expected);
  }

  @Test
  void everyIssueTypeTheServiceAcceptsIsAFhirCode() {
    for (IssueType type : IssueType.values()) {
      if (type != IssueType.NULL) {
        assertThat(OperationOutcomes.error(type.toCode(), "x", List.of())).contains("\"" + type.toCode() + "\"");
      }
    }
    assertThatThrownBy(() -> OperationOutcomes.error("not-a-code", "x", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static void assertSame(String json, OperationOutcome expected) {
    OperationOutcome parsed = Fhir.json().parseResource(OperationOutcome.class, json);
    assertThat(parsed.equalsDeep(expected)).as("HAPI reads back %s", json).isTrue();
    assertThat(Fhir.encode(parsed)).isEqualTo(json);
  }
}
