package org.ironcds.knowledge.rules;

import java.util.List;
import java.util.Optional;
import org.ironcds.chart.DraftOrder;
import org.ironcds.knowledge.labs.Analyte;
import org.ironcds.knowledge.labs.LabValue;

/**
 * Ferric carboxymaltose ordered while the latest phosphate within the look-back (default 90 days)
 * is below its lower limit. The FCM boxed warning says to correct pre-existing hypophosphataemia
 * before treatment; always critical.
 */
public final class PreexistingHypophosphataemia implements Rule {
  public static final String ID = "PreexistingHypophosphataemia";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<Finding> evaluate(DraftOrder order, Assessment a) {
    if (!a.medicines().isFerricCarboxymaltose(order)) {
      return Optional.empty();
    }
    Optional<LabValue> phosphate = a.labs().latestSince(Analyte.PHOSPHATE, a.labsSince()).filter(LabValue::low);
    return phosphate.map(p -> new Finding(List.of(ID), order, Severity.CRITICAL,
        "Low phosphate (" + Describe.number(p.value()) + " mmol/L): correct before giving ferric carboxymaltose",
        List.of(Describe.alreadyLow(p),
            "Ferric carboxymaltose boxed warning: correct pre-existing hypophosphataemia before treatment."),
        a.antiresorptives(), Evidence.labs(a), true));
  }
}
