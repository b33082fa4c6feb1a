package org.ironcds.knowledge.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ironcds.knowledge.labs.Analyte;
import org.ironcds.knowledge.labs.LabPanel;
import org.ironcds.knowledge.labs.LabValue;

/** The lab results a card shows: the latest of each relevant analyte within the look-back. */
final class Evidence {
  private static final List<Analyte> SHOWN = List.of(Analyte.PHOSPHATE, Analyte.CALCIUM_IONIZED,
      Analyte.ALBUMIN, Analyte.MAGNESIUM, Analyte.VITAMIN_D, Analyte.PTH, Analyte.EGFR);

  private Evidence() {}

  static List<LabValue> labs(Assessment a) {
    LabPanel panel = a.labs();
    List<LabValue> shown = new ArrayList<>();
    add(shown, panel.latestSince(Analyte.PHOSPHATE, a.labsSince()));
    add(shown, panel.calciumSince(a.labsSince()));
    for (Analyte analyte : SHOWN.subList(1, SHOWN.size())) {
      add(shown, panel.latestSince(analyte, a.labsSince()));
    }
    return shown;
  }

  private static void add(List<LabValue> shown, Optional<LabValue> value) {
    value.ifPresent(shown::add);
  }
}
