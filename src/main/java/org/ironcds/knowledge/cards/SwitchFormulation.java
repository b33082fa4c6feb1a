package org.ironcds.knowledge.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ironcds.cdshooks.Action;
import org.ironcds.cdshooks.Card;
import org.ironcds.cdshooks.Coding;
import org.ironcds.cdshooks.Indicator;
import org.ironcds.cdshooks.SelectionBehavior;
import org.ironcds.cdshooks.Source;
import org.ironcds.cdshooks.Suggestion;
import org.ironcds.cdshooks.Uuids;
import org.ironcds.knowledge.cards.CardSettings.AlternativeProduct;
import org.ironcds.knowledge.labs.Analyte;
import org.ironcds.knowledge.labs.LabValue;
import org.ironcds.knowledge.rules.Assessment;
import org.ironcds.knowledge.rules.Describe;
import org.ironcds.knowledge.rules.Finding;

/**
 * The card that offers lower-risk products instead of a ferric carboxymaltose draft: one
 * suggestion per product, at most one to be chosen, each replacing the draft (delete it when it
 * has an id, create a complete MedicationRequest). Ferric carboxymaltose itself is never offered.
 */
final class SwitchFormulation {
  private final CardSettings settings;

  SwitchFormulation(CardSettings settings) {
    this.settings = settings;
  }

  Card card(Finding finding, Assessment a, List<Coding> overrideReasons) {
    Optional<Double> weight = a.labs().latest(Analyte.BODY_WEIGHT).map(LabValue::value);
    List<Suggestion> suggestions = new ArrayList<>();
    StringBuilder detail = new StringBuilder("Ferric carboxymaltose causes hypophosphataemia far more often than "
        + "other IV iron products. Lower-risk options:\n\n");
    for (AlternativeProduct product : settings.alternatives()) {
      double dose = product.doseFor(weight);
      suggestions.add(suggestion(product, dose, finding, a));
      detail.append("- **").append(product.display()).append("** ").append(Describe.number(dose)).append(" mg IV: ")
          .append(product.risk()).append(". ").append(product.instructions()).append('\n');
    }
    detail.append(weight.map(w -> "\nDoses use the latest body weight, " + Describe.number(w) + " kg.")
        .orElse("\nNo body weight on record: label doses shown; check weight-based limits."));
    CardSettings.EvidenceLink evidence = settings.evidence().get("alternatives");
    return new Card(Uuids.timeOrdered(), "Lower-risk IV iron available: switch from ferric carboxymaltose",
        Optional.of(detail.toString()), Indicator.INFO, Source.of(evidence.label(), evidence.url()), suggestions,
        Optional.of(SelectionBehavior.AT_MOST_ONE), overrideReasons, List.of());
  }

  private static Suggestion suggestion(AlternativeProduct product, double dose, Finding finding, Assessment a) {
    List<Action> actions = new ArrayList<>();
    finding.order().reference().ifPresent(ref ->
        actions.add(Action.delete("Remove the ferric carboxymaltose draft order", ref)));
    actions.add(Action.create("Order " + product.display() + " " + Describe.number(dose) + " mg IV",
        OrderResources.alternative(product, dose, a.chart(), finding.order(), a.now())));
    String label = "Switch to " + product.display() + " " + Describe.number(dose) + " mg IV"
        + (finding.order().reference().isEmpty() ? " (then remove the ferric carboxymaltose draft)" : "");
    return Suggestion.of(label, product.recommended(), actions);
  }
}
