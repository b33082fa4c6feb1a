package org.ironcds.knowledge;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ironcds.chart.PatientChart;
import org.ironcds.knowledge.cards.CardWriter;
import org.ironcds.knowledge.rules.Assessment;
import org.ironcds.knowledge.rules.Finding;
import org.ironcds.knowledge.rules.RuleBook;

/**
 * The entry point of the knowledge module: a patient chart in, the cards to show out. For each
 * advised draft order there is at most one risk card (see {@link RuleBook} for how findings merge)
 * and, for ferric carboxymaltose, one switch-formulation card. An empty list means no card: the
 * service stays silent when nothing matters. Immutable and safe for concurrent use.
 */
public final class Advisor {
  /** The {@link Advice#ruleId()} of the switch-formulation card. */
  public static final String SWITCH_FORMULATION = "SwitchFromFerricCarboxymaltose";

  private final RuleBook ruleBook;
  private final CardWriter cardWriter;

  public Advisor(Knowledge knowledge) {
    this.ruleBook = new RuleBook(knowledge.valueSets(), knowledge.labSettings(), knowledge.ruleSettings());
    this.cardWriter = new CardWriter(knowledge.cardSettings());
  }

  public List<Advice> advise(PatientChart chart, Instant now) {
    Objects.requireNonNull(chart, "chart == null");
    Objects.requireNonNull(now, "now == null");
    Assessment assessment = ruleBook.assess(chart, now);
    List<Advice> advice = new ArrayList<>();
    for (Finding finding : ruleBook.evaluate(assessment)) {
      advice.add(new Advice(finding.ruleId(), cardWriter.riskCard(finding, assessment)));
      cardWriter.switchCard(finding, assessment).ifPresent(card -> advice.add(new Advice(SWITCH_FORMULATION, card)));
    }
    return advice;
  }

  public RuleBook ruleBook() {
    return ruleBook;
  }
}
