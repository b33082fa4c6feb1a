package org.ironcds.knowledge;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ironcds.chart.Code;
import org.ironcds.chart.DraftOrder;
import org.ironcds.chart.LabResult;
import org.ironcds.chart.MedicationUse;
import org.ironcds.chart.PatientChart;
import org.ironcds.chart.Quantity;

/** Small chart fixtures for rule, lab and card tests, at a fixed signing moment. */
public final class TestCharts {
  public static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
  public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  public static final String LOINC = "http://loinc.org";
  public static final String FCM_750 = "1435169";
  public static final String FDI_1000 = "2274408";
  public static final String PROLIA = "993456";
  public static final String RECLAST = "705824";
  public static final String ALENDRONATE_70 = "904431";
  public static final String TERIPARATIDE = "1435115";
  public static final String PHOSPHATE_MG = "2777-1";
  public static final String PHOSPHATE_MMOL = "14879-1";
  public static final String CALCIUM_MMOL = "2000-8";
  public static final String CALCIUM_MG = "17861-6";
  public static final String ALBUMIN = "1751-7";
  public static final String IONIZED = "1995-0";
  public static final String EGFR = "98979-8";
  public static final String WEIGHT = "29463-7";

  private static final Knowledge KNOWLEDGE = Knowledge.load(Optional.empty());

  private TestCharts() {}

  public static Knowledge knowledge() {
    return KNOWLEDGE;
  }

  public static Instant daysAgo(int days) {
    return NOW.minus(Duration.ofDays(days));
  }

  public static DraftOrder draft(String rxnorm) {
    return new DraftOrder(Optional.of("draft-1"), List.of(Code.of(RXNORM, rxnorm)), Optional.empty(), List.of(),
        Optional.of(NOW), Optional.empty(), Optional.of("Practitioner/p1"), Optional.of("Encounter/e1"),
        List.of(new Code("http://snomed.info/sct", "87522002", Optional.of("Iron deficiency anemia"))), List.of(), true);
  }

  public static DraftOrder textDraft(String text) {
    return new DraftOrder(Optional.of("draft-1"), List.of(), Optional.of(text), List.of(), Optional.of(NOW),
        Optional.empty(), Optional.empty(), Optional.empty(), List.of(), List.of(), true);
  }

  public static MedicationUse med(MedicationUse.Kind kind, String rxnorm, boolean active, Instant last) {
    return new MedicationUse(kind + "/" + rxnorm, kind, active, List.of(Code.of(RXNORM, rxnorm)), Optional.empty(),
        List.of(), Optional.of(last));
  }

  public static MedicationUse given(String rxnorm, Instant when) {
    return med(MedicationUse.Kind.ADMINISTRATION, rxnorm, false, when);
  }

  public static LabResult lab(String loinc, double value, String unit, Instant when) {
    return new LabResult("Observation/" + loinc + when, List.of(Code.of(LOINC, loinc)), new Quantity(value, unit), when,
        Optional.empty());
  }

  public static LabResult lab(String loinc, double value, String unit, Instant when, double low) {
    return new LabResult("Observation/" + loinc + when, List.of(Code.of(LOINC, loinc)), new Quantity(value, unit), when,
        Optional.of(new Quantity(low, unit)));
  }

  public static PatientChart chart(DraftOrder order, List<MedicationUse> meds, List<LabResult> labs) {
    return new PatientChart("pat-1", Optional.of("e1"), "Practitioner/p1", List.of(order), meds, labs);
  }
}
