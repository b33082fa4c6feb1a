package org.ironcds.knowledge.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.Period;
import org.ironcds.knowledge.labs.LabValue;

/** Evidence sentences, so every card says which drug, which lab and when. */
public final class Describe {
  private Describe() {}

  public static String date(Instant instant) {
    return UtcDates.date(instant).toString();
  }

  /** Two decimals below 10, one below 100, none above; trailing zeros dropped (0.8, 24, 2.35). */
  public static String number(double value) {
    int scale = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
  }

  public static String period(Period period) {
    if (period.getYears() > 0 && period.getMonths() == 0 && period.getDays() == 0) {
      return period.getYears() + (period.getYears() == 1 ? " year" : " years");
    }
    if (period.getDays() == 0) {
      return period.toTotalMonths() + (period.toTotalMonths() == 1 ? " month" : " months");
    }
    return period.toTotalMonths() * 30 + period.getDays() + " days";
  }

  /** E.g. "phosphate 0.62 mmol/L on 2026-11-02 — LOW (lower limit 0.80, lab's range)". */
  public static String lab(LabValue value) {
    String flag = value.low() ? "LOW" : "not low";
    String limit = Double.isInfinite(value.lowerLimit()) ? "no lower limit"
        : "lower limit " + number(value.lowerLimit()) + (value.labLowerLimit() ? ", lab's range" : ", default");
    String derived = value.derivation().map(d -> "; " + d).orElse("");
    return value.analyte().display() + " " + number(value.value()) + " " + value.unit() + " on "
        + date(value.when()) + " — " + flag + " (" + limit + derived + ")";
  }

  /** E.g. "denosumab (Prolia 60 mg), last dated 2026-06-24, within its 7 months effect window". */
  public static String therapy(TherapyEvidence evidence) {
    String name = evidence.therapyClass().display() + " ("
        + evidence.use().text().orElse(evidence.therapyClass().display()) + ")";
    if (evidence.active()) {
      return name + ", active" + evidence.lastDate().map(d -> " (recorded " + date(d) + ")").orElse("");
    }
    return name + ", last dated " + evidence.lastDate().map(Describe::date).orElse("?") + ", within its "
        + period(evidence.therapyClass().effectWindow()) + " effect window";
  }

  /**
   * The sentence for a result already below its lower limit. Rules that see the same low result
   * write the same sentence, so merged findings state it once.
   */
  public static String alreadyLow(LabValue value) {
    return "Already low before the infusion: " + lab(value) + ". Correct it before the infusion.";
  }
}
