package org.ironcds.knowledge.cards;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ironcds.cdshooks.Action;
import org.ironcds.cdshooks.Suggestion;
import org.ironcds.knowledge.labs.Analyte;
import org.ironcds.knowledge.labs.LabPanel;
import org.ironcds.knowledge.rules.Assessment;
import org.ironcds.knowledge.rules.Describe;
import org.ironcds.knowledge.rules.Finding;
import org.ironcds.knowledge.rules.UtcDates;

/** The baseline-labs and follow-up-monitoring suggestions of a risk card. */
final class LabSuggestions {
  private final CardSettings settings;

  LabSuggestions(CardSettings settings) {
    this.settings = settings;
  }

  /** Baseline phosphate, calcium and albumin (and vitamin D) when phosphate or calcium is not recent. */
  Optional<Suggestion> baseline(Finding finding, Assessment a) {
    LabPanel labs = a.labs();
    Instant since = UtcDates.minus(a.now(), settings.baselineWindow());
    boolean phosphate = labs.latestSince(Analyte.PHOSPHATE, since).isPresent();
    boolean calcium = labs.calciumSince(since).isPresent() || labs.latestSince(Analyte.CALCIUM_IONIZED, since).isPresent();
    if (phosphate && calcium) {
      return Optional.empty();
    }
    List<String> tests = new ArrayList<>(List.of("phosphate", "calcium", "albumin"));
    if (labs.latestSince(Analyte.VITAMIN_D, UtcDates.minus(a.now(), settings.vitaminDWindow())).isEmpty()) {
      tests.add("vitaminD");
    }
    List<Action> actions = new ArrayList<>();
    for (String key : tests) {
      CardSettings.LabOrder test = settings.labOrders().get(key);
      actions.add(Action.create("Order " + test.display() + " before the IV iron infusion",
          OrderResources.labOrder(test, a.chart(), finding.order(), a.now(), List.of(),
              "Baseline before IV iron (hypophosphataemia/hypocalcaemia risk)")));
    }
    String label = "Order baseline phosphate, calcium and albumin" + (tests.contains("vitaminD") ? " and 25-OH vitamin D" : "")
        + " before the infusion";
    return Optional.of(Suggestion.of(label, true, actions));
  }

  /** Phosphate and calcium at each follow-up offset after the planned infusion. */
  Suggestion followUp(Finding finding, Assessment a) {
    Instant planned = finding.order().plannedFor(a.now());
    List<Instant> dates = dates(planned);
    List<Action> actions = new ArrayList<>();
    for (String key : List.of("phosphate", "calcium")) {
      CardSettings.LabOrder test = settings.labOrders().get(key);
      actions.add(Action.create("Order " + test.display() + " on " + datesText(dates),
          OrderResources.labOrder(test, a.chart(), finding.order(), a.now(), dates,
              "Follow-up after IV iron (phosphate nadir about 2 weeks after infusion)")));
    }
    return Suggestion.of("Order follow-up phosphate and calcium on " + datesText(dates), false, actions);
  }

  List<Instant> dates(Instant planned) {
    return settings.followUp().stream().map(p -> UtcDates.plus(planned, p)).toList();
  }

  static String datesText(List<Instant> dates) {
    return String.join(", ", dates.stream().map(Describe::date).toList());
  }
}
