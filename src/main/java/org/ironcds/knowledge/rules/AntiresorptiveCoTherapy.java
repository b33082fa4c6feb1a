package org.ironcds.knowledge.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ironcds.chart.DraftOrder;
import org.ironcds.knowledge.labs.Analyte;
import org.ironcds.knowledge.labs.LabPanel;
import org.ironcds.knowledge.labs.LabValue;

/**
 * IV iron ordered while the patient is on antiresorptive therapy (Stokes et al., "Double Trouble":
 * severe hypophosphataemia and hypocalcaemia, mean 17.5 days after the infusion). Critical when
 * the latest phosphate, corrected or ionized calcium within the look-back is already below its
 * lower limit, or when denosumab meets an eGFR below the threshold (FDA boxed warning, 2024);
 * otherwise a warning.
 */
public final class AntiresorptiveCoTherapy implements Rule {
  public static final String ID = "AntiresorptiveCoTherapy";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<Finding> evaluate(DraftOrder order, Assessment a) {
    if (!a.medicines().isIvIron(order) || a.antiresorptives().isEmpty()) {
      return Optional.empty();
    }
    List<String> reasons = new ArrayList<>();
    a.antiresorptives().forEach(t -> reasons.add("On antiresorptive therapy: " + Describe.therapy(t) + "."));
    Severity severity = Severity.WARNING;
    LabPanel labs = a.labs();
    for (Optional<LabValue> value : List.of(labs.latestSince(Analyte.PHOSPHATE, a.labsSince()),
        labs.calciumSince(a.labsSince()), labs.latestSince(Analyte.CALCIUM_IONIZED, a.labsSince()))) {
      if (value.isPresent() && value.get().low()) {
        severity = Severity.CRITICAL;
        reasons.add(Describe.alreadyLow(value.get()));
      }
    }
    Optional<LabValue> egfr = lowEgfrWithDenosumab(a);
    if (egfr.isPresent()) {
      severity = Severity.CRITICAL;
      reasons.add("Advanced CKD with denosumab: " + Describe.lab(egfr.get()) + " is below "
          + Describe.number(a.settings().egfrThreshold()) + " (FDA boxed warning: severe hypocalcaemia).");
    }
    String drugs = String.join(" + ", a.antiresorptives().stream().map(t -> t.therapyClass().display()).toList());
    String summary = "IV iron with " + drugs + ": risk of severe low phosphate and calcium in 2–3 weeks";
    return Optional.of(new Finding(List.of(ID), order, severity, summary, reasons, a.antiresorptives(),
        Evidence.labs(a), a.medicines().isFerricCarboxymaltose(order)));
  }

  private static Optional<LabValue> lowEgfrWithDenosumab(Assessment a) {
    boolean onClass = a.antiresorptives().stream()
        .anyMatch(t -> a.settings().egfrTherapyClasses().contains(t.therapyClass().id()));
    return onClass
        ? a.labs().latestSince(Analyte.EGFR, UtcDates.minus(a.now(), a.settings().egfrLookback()))
            .filter(v -> v.value() < a.settings().egfrThreshold())
        : Optional.empty();
  }
}
