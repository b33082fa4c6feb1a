package org.ironcds.knowledge.rules;

import java.util.Optional;
import org.ironcds.chart.DraftOrder;

/**
 * One clinical rule. Implementations are pure: the same order and assessment always give the same
 * answer, with no I/O and no clock but {@link Assessment#now()}. "No match" is an empty Optional.
 */
public interface Rule {
  /** A stable identifier, also the name of the rule's doc page under {@code docs/rules/}. */
  String id();

  Optional<Finding> evaluate(DraftOrder order, Assessment assessment);
}
