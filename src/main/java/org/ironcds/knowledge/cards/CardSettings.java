package org.ironcds.knowledge.cards;

import java.net.URI;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Card knowledge hospital IT may change (from {@code settings.json}): evidence links, the baseline
 * and vitamin D windows, the follow-up schedule, the lab tests to order, the lower-risk iron
 * products and the override reasons.
 */
public record CardSettings(
    Map<String, EvidenceLink> evidence,
    Period baselineWindow,
    Period vitaminDWindow,
    List<Period> followUp,
    Map<String, LabOrder> labOrders,
    List<AlternativeProduct> alternatives,
    List<OverrideReason> overrideReasons) {

  /** Keys of {@link #evidence()} and {@link #labOrders()} every deployment must define. */
  public static final List<String> EVIDENCE_KEYS = List.of("coTherapy", "fcmBoxedWarning", "alternatives", "denosumabCkd");

  public static final List<String> LAB_ORDER_KEYS = List.of("phosphate", "calcium", "albumin", "vitaminD");

  public CardSettings {
    evidence = Map.copyOf(evidence);
    Objects.requireNonNull(baselineWindow, "baselineWindow == null");
    Objects.requireNonNull(vitaminDWindow, "vitaminDWindow == null");
    followUp = List.copyOf(followUp);
    labOrders = Map.copyOf(labOrders);
    alternatives = List.copyOf(alternatives);
    overrideReasons = List.copyOf(overrideReasons);
  }

  /** A cited source with an absolute URL. */
  public record EvidenceLink(String label, URI url) {
    public EvidenceLink {
      Objects.requireNonNull(label, "label == null");
      Objects.requireNonNull(url, "url == null");
    }
  }

  /** A lab test to order, by LOINC. */
  public record LabOrder(String loinc, String display) {
    public LabOrder {
      Objects.requireNonNull(loinc, "loinc == null");
      Objects.requireNonNull(display, "display == null");
    }
  }

  /** An override reason offered on every risk card. */
  public record OverrideReason(String code, String display) {
    public OverrideReason {
      Objects.requireNonNull(code, "code == null");
      Objects.requireNonNull(display, "display == null");
    }
  }

  /**
   * A lower-risk IV iron product to suggest instead of ferric carboxymaltose: RxNorm clinical drug,
   * label dose in mg of elemental iron, and an optional weight-based dose below a weight cut-off.
   */
  public record AlternativeProduct(String id, String display, boolean recommended, String rxnorm,
      String rxnormDisplay, double doseMg, Optional<Double> weightCutoffKg, Optional<Double> mgPerKgBelowCutoff,
      String instructions, String risk, String source) {
    public AlternativeProduct {
      Objects.requireNonNull(id, "id == null");
      Objects.requireNonNull(display, "display == null");
      Objects.requireNonNull(rxnorm, "rxnorm == null");
      Objects.requireNonNull(rxnormDisplay, "rxnormDisplay == null");
      Objects.requireNonNull(weightCutoffKg, "weightCutoffKg == null");
      Objects.requireNonNull(mgPerKgBelowCutoff, "mgPerKgBelowCutoff == null");
      Objects.requireNonNull(instructions, "instructions == null");
      Objects.requireNonNull(risk, "risk == null");
      Objects.requireNonNull(source, "source == null");
    }

    /** The dose for this patient: weight-based below the cut-off when a weight is known, never above the label dose. */
    public double doseFor(Optional<Double> weightKg) {
      if (weightKg.isPresent() && weightCutoffKg.isPresent() && mgPerKgBelowCutoff.isPresent()
          && weightKg.get() < weightCutoffKg.get()) {
        double perKg = Math.floor(weightKg.get() * mgPerKgBelowCutoff.get() / 10) * 10;
        return Math.min(perKg, doseMg);
      }
      return doseMg;
    }
  }
}
