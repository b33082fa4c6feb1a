package org.ironcds.fhir;

import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** Builds the FHIR OperationOutcome bodies of error responses. */
public final class OperationOutcomes {
  private OperationOutcomes() {}

  /**
   * One issue of severity {@code error}.
   *
   * @param type a FHIR issue-type code such as {@code invalid}, {@code not-found} or {@code security}
   * @param diagnostics what is wrong, for a developer; never patient data
   * @param expressions where in the request body, as paths; may be empty
   */
  public static String error(String type, String diagnostics, List<String> expressions) {
    OperationOutcome outcome = new OperationOutcome();
    OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue();
    issue.setSeverity(IssueSeverity.ERROR);
    issue.setCode(IssueType.fromCode(type));
    issue.setDiagnostics(diagnostics);
    expressions.forEach(issue::addExpression);
    return Fhir.encode(outcome);
  }
}
