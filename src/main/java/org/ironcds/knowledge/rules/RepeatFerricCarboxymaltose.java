package org.ironcds.knowledge.rules;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ironcds.chart.DraftOrder;
import org.ironcds.chart.MedicationUse;
import org.ironcds.knowledge.labs.Analyte;

/**
 * Ferric carboxymaltose re-ordered within the re-treatment window (default 3 months) of a dose
 * given, with no phosphate result since that dose. The FCM boxed warning asks for serum phosphate
 * before re-treatment within 3 months. Only administrations and medication statements count as a
 * dose given: an earlier order proves no infusion.
 */
public final class RepeatFerricCarboxymaltose implements Rule {
  public static final String ID = "RepeatFerricCarboxymaltose";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Optional<Finding> evaluate(DraftOrder order, Assessment a) {
    if (!a.medicines().isFerricCarboxymaltose(order)) {
      return Optional.empty();
    }
    Optional<Instant> lastDose = lastDoseWithin(a);
    if (lastDose.isEmpty() || a.labs().latestSince(Analyte.PHOSPHATE, lastDose.get()).isPresent()) {
      return Optional.empty();
    }
    String reason = "Ferric carboxymaltose was given on " + Describe.date(lastDose.get()) + ", within "
        + Describe.period(a.settings().fcmRepeatWindow()) + ", and no phosphate result exists since then"
        + " (boxed warning: check serum phosphate before re-treatment within 3 months).";
    return Optional.of(new Finding(List.of(ID), order, Severity.WARNING,
        "Repeat ferric carboxymaltose within 3 months: no phosphate checked since the last dose",
        List.of(reason), a.antiresorptives(), Evidence.labs(a), true));
  }

  private static Optional<Instant> lastDoseWithin(Assessment a) {
    Instant since = UtcDates.minus(a.now(), a.settings().fcmRepeatWindow());
    return a.chart().medications().stream()
        .filter(u -> u.kind() != MedicationUse.Kind.REQUEST)
        .filter(a.medicines()::isFerricCarboxymaltose)
        .flatMap(u -> u.lastDate().stream())
        .filter(d -> !d.isBefore(since) && !d.isAfter(a.now()))
        .max(Instant::compareTo);
  }
}
