package org.ironcds.knowledge.rules;

import java.time.Period;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Rule knowledge hospital IT may change (loaded from {@code settings.json}): the antiresorptive
 * classes with their effect windows, the eGFR below which denosumab makes co-therapy critical,
 * how far back an eGFR counts, and the ferric carboxymaltose re-treatment window.
 */
public record RuleSettings(
    List<TherapyClass> antiresorptives,
    double egfrThreshold,
    Set<String> egfrTherapyClasses,
    Period egfrLookback,
    Period fcmRepeatWindow) {

  public RuleSettings {
    antiresorptives = List.copyOf(antiresorptives);
    egfrTherapyClasses = Set.copyOf(egfrTherapyClasses);
    Objects.requireNonNull(egfrLookback, "egfrLookback == null");
    Objects.requireNonNull(fcmRepeatWindow, "fcmRepeatWindow == null");
  }
}
