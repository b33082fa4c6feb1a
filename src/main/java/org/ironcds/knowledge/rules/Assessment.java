package org.ironcds.knowledge.rules;

import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Objects;
import org.ironcds.chart.PatientChart;
import org.ironcds.knowledge.labs.LabPanel;

/**
 * Everything the rules read for one hook call, computed once: the chart, the signing moment, the
 * interpreted labs and the current antiresorptives.
 */
public record Assessment(
    PatientChart chart,
    Instant now,
    LabPanel labs,
    List<TherapyEvidence> antiresorptives,
    Medicines medicines,
    RuleSettings settings,
    Period labLookback) {

  public Assessment {
    Objects.requireNonNull(chart, "chart == null");
    Objects.requireNonNull(now, "now == null");
    Objects.requireNonNull(labs, "labs == null");
    antiresorptives = List.copyOf(antiresorptives);
    Objects.requireNonNull(medicines, "medicines == null");
    Objects.requireNonNull(settings, "settings == null");
    Objects.requireNonNull(labLookback, "labLookback == null");
  }

  /** The start of the lab look-back (default 90 days before signing). */
  public Instant labsSince() {
    return UtcDates.minus(now, labLookback);
  }
}
