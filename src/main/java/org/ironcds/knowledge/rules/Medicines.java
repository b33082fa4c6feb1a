package org.ironcds.knowledge.rules;

import java.time.Instant;
import java.time.Period;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ironcds.chart.Code;
import org.ironcds.chart.DraftOrder;
import org.ironcds.chart.MedicationUse;
import org.ironcds.knowledge.valuesets.ValueSets;

/**
 * Classifies drugs with the value sets: IV iron, ferric carboxymaltose, and current antiresorptive
 * therapy judged against each class's effect window. Immutable.
 */
public final class Medicines {
  static final String IV_IRON = "iv-iron";
  static final String FERRIC_CARBOXYMALTOSE = "ferric-carboxymaltose";
  /** SNOMED CT 26643006 "Oral route": an oral product is never IV iron, whatever its name. */
  private static final Code ORAL_ROUTE = Code.of("http://snomed.info/sct", "26643006");

  private final ValueSets valueSets;
  private final RuleSettings settings;

  public Medicines(ValueSets valueSets, RuleSettings settings) {
    this.valueSets = valueSets;
    this.settings = settings;
  }

  public boolean isIvIron(DraftOrder order) {
    return !oral(order.routes()) && valueSets.medicationIn(IV_IRON, order.codes(), order.text());
  }

  public boolean isFerricCarboxymaltose(DraftOrder order) {
    return isIvIron(order) && valueSets.medicationIn(FERRIC_CARBOXYMALTOSE, order.codes(), order.text());
  }

  public boolean isFerricCarboxymaltose(MedicationUse use) {
    return !oral(use.routes()) && valueSets.medicationIn(FERRIC_CARBOXYMALTOSE, use.codes(), use.text());
  }

  /** The current antiresorptives, one (the most recent) per class. */
  public List<TherapyEvidence> currentAntiresorptives(List<MedicationUse> uses, Instant now) {
    Map<String, TherapyEvidence> byClass = new LinkedHashMap<>();
    for (MedicationUse use : uses) {
      therapyClass(use).filter(c -> current(use, c.effectWindow(), now)).ifPresent(c ->
          byClass.merge(c.id(), new TherapyEvidence(c, use), Medicines::moreRecent));
    }
    return List.copyOf(byClass.values());
  }

  /** The matching class with the longest window (a product coded both as IV and oral counts as IV). */
  private Optional<TherapyClass> therapyClass(MedicationUse use) {
    ValueSets.Medication medication = valueSets.medication(use.codes(), use.text());
    return settings.antiresorptives().stream()
        .filter(c -> medication.in(c.valueSetId()))
        .max(Comparator.comparing(c -> c.effectWindow().toTotalMonths() * 31 + c.effectWindow().getDays()));
  }

  static boolean current(MedicationUse use, Period window, Instant now) {
    return use.active() || use.lastDate().map(d -> !d.isBefore(UtcDates.minus(now, window))).orElse(false);
  }

  private static TherapyEvidence moreRecent(TherapyEvidence a, TherapyEvidence b) {
    if (a.active() != b.active()) {
      return a.active() ? a : b;
    }
    Instant da = a.lastDate().orElse(Instant.MIN);
    Instant db = b.lastDate().orElse(Instant.MIN);
    return db.isAfter(da) ? b : a;
  }

  private static boolean oral(List<Code> routes) {
    for (Code route : routes) {
      if (route.code().equals(ORAL_ROUTE.code()) && route.system().equals(ORAL_ROUTE.system())) {
        return true;
      }
    }
    return false;
  }
}
