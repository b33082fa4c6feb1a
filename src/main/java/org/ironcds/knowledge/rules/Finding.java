package org.ironcds.knowledge.rules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import org.ironcds.chart.DraftOrder;
import org.ironcds.knowledge.labs.LabValue;

/**
 * What a rule found about one draft order: a value, rendered into a card elsewhere. {@code reasons}
 * are the evidence sentences (which drug, which lab, when); {@code labs} the results shown with it;
 * {@code ruleIds} the rule that found it first, then any merged into it.
 */
public record Finding(
    List<String> ruleIds,
    DraftOrder order,
    Severity severity,
    String summary,
    List<String> reasons,
    List<TherapyEvidence> therapies,
    List<LabValue> labs,
    boolean ferricCarboxymaltose) {

  public Finding {
    ruleIds = List.copyOf(ruleIds);
    if (ruleIds.isEmpty()) {
      throw new IllegalArgumentException("ruleIds is empty");
    }
    Objects.requireNonNull(order, "order == null");
    Objects.requireNonNull(severity, "severity == null");
    Objects.requireNonNull(summary, "summary == null");
    reasons = List.copyOf(reasons);
    therapies = List.copyOf(therapies);
    labs = List.copyOf(labs);
  }

  /** The rule that produced this finding (the first one, when others were merged in). */
  public String ruleId() {
    return ruleIds.get(0);
  }

  /**
   * This finding with {@code other}'s evidence folded in: the higher severity, this summary, the
   * union of reasons and labs. Used so that one order never gets two cards about one risk.
   */
  public Finding merge(Finding other) {
    List<String> ids = new ArrayList<>(ruleIds);
    ids.addAll(other.ruleIds);
    return new Finding(ids, order, severity.max(other.severity), summary,
        List.copyOf(new LinkedHashSet<>(concat(reasons, other.reasons))), therapies,
        List.copyOf(new LinkedHashSet<>(concat(labs, other.labs))), ferricCarboxymaltose);
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
