package org.ironcds.knowledge.rules;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ironcds.chart.DraftOrder;
import org.ironcds.chart.PatientChart;
import org.ironcds.knowledge.labs.AnalyteIndex;
import org.ironcds.knowledge.labs.LabPanel;
import org.ironcds.knowledge.labs.LabSettings;
import org.ironcds.knowledge.valuesets.ValueSets;

/**
 * The explicit, ordered list of rules, and the one place that decides what reaches a clinician.
 *
 * <p>Order is precedence. For each draft order the first finding becomes the card and later
 * findings on the same order are merged into it (evidence appended, severity raised), because they
 * all speak of one risk, low phosphate and calcium after this infusion: co-therapy first (it
 * names the antiresorptive and already reports a low phosphate), then pre-existing
 * hypophosphataemia (critical), then the repeat-dose warning. One order therefore gets at most
 * one risk finding. Immutable and safe for concurrent use.
 */
public final class RuleBook {
  private final List<Rule> rules;
  private final LabSettings labSettings;
  private final RuleSettings settings;
  private final Medicines medicines;
  private final AnalyteIndex analytes;

  public RuleBook(ValueSets valueSets, LabSettings labSettings, RuleSettings settings) {
    this.rules = List.of(new AntiresorptiveCoTherapy(), new PreexistingHypophosphataemia(),
        new RepeatFerricCarboxymaltose());
    this.labSettings = labSettings;
    this.settings = settings;
    this.medicines = new Medicines(valueSets, settings);
    this.analytes = AnalyteIndex.of(valueSets);
  }

  public List<Rule> rules() {
    return rules;
  }

  public Medicines medicines() {
    return medicines;
  }

  /** One merged finding per advised draft order that any rule fires on; empty when none does. */
  public List<Finding> evaluate(PatientChart chart, Instant now) {
    return evaluate(assess(chart, now));
  }

  /** As {@link #evaluate(PatientChart, Instant)}, for an assessment already made. */
  public List<Finding> evaluate(Assessment assessment) {
    PatientChart chart = assessment.chart();
    List<Finding> findings = new ArrayList<>();
    for (DraftOrder order : chart.ordersToAdvise()) {
      Optional<Finding> merged = Optional.empty();
      for (Rule rule : rules) {
        Optional<Finding> found = rule.evaluate(order, assessment);
        if (found.isPresent()) {
          merged = Optional.of(merged.map(m -> m.merge(found.get())).orElse(found.get()));
        }
      }
      merged.ifPresent(findings::add);
    }
    return findings;
  }

  public Assessment assess(PatientChart chart, Instant now) {
    return new Assessment(chart, now, LabPanel.of(chart, analytes, labSettings),
        medicines.currentAntiresorptives(chart.medications(), now), medicines, settings, labLookback());
  }

  private Period labLookback() {
    return labSettings.lookback();
  }
}
