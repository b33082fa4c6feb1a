package org.ironcds.knowledge.labs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ironcds.chart.LabResult;
import org.ironcds.chart.PatientChart;
import org.ironcds.knowledge.valuesets.ValueSets;

/**
 * A patient's interpretable results per analyte, newest first. Results whose unit cannot be
 * normalised are left out, so nothing is ever compared in the wrong unit. Immutable.
 */
public final class LabPanel {
  private static final Comparator<LabValue> NEWEST_FIRST = Comparator.comparing(LabValue::when).reversed();

  private final Map<Analyte, List<LabValue>> values;

  private LabPanel(Map<Analyte, List<LabValue>> values) {
    this.values = values;
  }

  public static LabPanel of(PatientChart chart, ValueSets valueSets, LabSettings settings) {
    return of(chart, AnalyteIndex.of(valueSets), settings);
  }

  public static LabPanel of(PatientChart chart, AnalyteIndex index, LabSettings settings) {
    Map<Analyte, List<LabValue>> values = new EnumMap<>(Analyte.class);
    for (Analyte analyte : Analyte.values()) {
      values.put(analyte, new ArrayList<>());
    }
    for (LabResult result : chart.labs()) {
      index.analyte(result.codes())
          .flatMap(analyte -> interpret(analyte, result, settings))
          .ifPresent(value -> values.get(value.analyte()).add(value));
    }
    for (Analyte analyte : Analyte.values()) {
      List<LabValue> list = values.get(analyte);
      list.sort(NEWEST_FIRST);
      values.put(analyte, List.copyOf(list));
    }
    correctCalcium(values, settings);
    return new LabPanel(values);
  }

  static Optional<LabValue> interpret(Analyte analyte, LabResult result, LabSettings settings) {
    Optional<Double> lowFromLab = result.referenceLow().flatMap(low -> UnitConverter.toCanonical(analyte, low));
    return UnitConverter.toCanonical(analyte, result.value()).map(value -> new LabValue(analyte, result, value,
        lowFromLab.orElse(settings.defaultLowerLimit(analyte)), lowFromLab.isPresent(), Optional.empty()));
  }

  /**
   * Adds an albumin-corrected value for every total calcium that has an albumin result from the
   * same (UTC) day; the lab's own corrected results stay as they are.
   */
  private static void correctCalcium(Map<Analyte, List<LabValue>> values, LabSettings settings) {
    List<LabValue> corrected = new ArrayList<>(values.get(Analyte.CALCIUM_CORRECTED));
    for (LabValue total : values.get(Analyte.CALCIUM_TOTAL)) {
      sameDayAlbumin(values.get(Analyte.ALBUMIN), total.when()).ifPresent(albumin -> corrected.add(new LabValue(
          Analyte.CALCIUM_CORRECTED, total.result(),
          AlbuminCorrection.correctedCalcium(total.value(), albumin.value()),
          total.labLowerLimit() ? total.lowerLimit() : settings.defaultLowerLimit(Analyte.CALCIUM_CORRECTED),
          total.labLowerLimit(),
          Optional.of("total calcium " + decimals(total.value(), 2) + " mmol/L corrected for albumin "
              + decimals(albumin.value(), 0) + " g/L (Payne)"))));
    }
    corrected.sort(NEWEST_FIRST);
    values.put(Analyte.CALCIUM_CORRECTED, List.copyOf(corrected));
  }

  private static Optional<LabValue> sameDayAlbumin(List<LabValue> albumins, Instant when) {
    long day = utcDay(when);
    for (LabValue albumin : albumins) {
      if (utcDay(albumin.when()) == day) {
        return Optional.of(albumin);
      }
    }
    return Optional.empty();
  }

  private static long utcDay(Instant when) {
    return Math.floorDiv(when.getEpochSecond(), 86_400L);
  }

  /** Rounded half-up, as {@code %.nf} would, without the cost of a formatter on every request. */
  private static String decimals(double value, int places) {
    return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).toPlainString();
  }

  /** All interpretable results of an analyte, newest first. */
  public List<LabValue> all(Analyte analyte) {
    return values.get(analyte);
  }

  public Optional<LabValue> latest(Analyte analyte) {
    List<LabValue> list = values.get(analyte);
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  /** The latest result taken at or after {@code since}. */
  public Optional<LabValue> latestSince(Analyte analyte, Instant since) {
    return latest(analyte).filter(v -> !v.when().isBefore(since));
  }

  /**
   * The latest calcium that can be judged against a lower limit: corrected (by the lab or here)
   * when available for that draw, else the total as measured.
   */
  public Optional<LabValue> calciumSince(Instant since) {
    Optional<LabValue> corrected = latestSince(Analyte.CALCIUM_CORRECTED, since);
    Optional<LabValue> total = latestSince(Analyte.CALCIUM_TOTAL, since);
    if (corrected.isPresent() && (total.isEmpty() || !corrected.get().when().isBefore(total.get().when()))) {
      return corrected;
    }
    return total;
  }
}
