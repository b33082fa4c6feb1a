package org.ironcds.knowledge.cards;

import java.time.Instant;
import java.util.List;
import org.ironcds.knowledge.labs.LabValue;
import org.ironcds.knowledge.rules.Assessment;
import org.ironcds.knowledge.rules.Describe;
import org.ironcds.knowledge.rules.Finding;

/** The markdown detail of a risk card: the evidence the rule used, the timing and the plan. */
final class DetailWriter {
  private final LabSuggestions labs;

  DetailWriter(LabSuggestions labs) {
    this.labs = labs;
  }

  String detail(Finding finding, Assessment a) {
    StringBuilder md = new StringBuilder(1536); // details run to 1.0-1.3 K characters; growing it was a copy each time
    md.append("**Why this alert**\n\n");
    finding.reasons().forEach(r -> md.append("- ").append(escape(r)).append('\n'));
    md.append("\n**Labs** (latest within ").append(Describe.period(a.labLookback())).append(")\n\n");
    if (finding.labs().isEmpty()) {
      md.append("No phosphate, calcium or related result in that time.\n");
    } else {
      md.append("| Test | Value | Date | Flag |\n|---|---|---|---|\n");
      finding.labs().forEach(v -> md.append(row(v)));
    }
    md.append("\n**Timing**: phosphate falls to its nadir about 2 weeks after IV iron (mean 17.5 days to ")
        .append("hypophosphataemia in the index case series) and may stay low for 6–12 weeks")
        .append(finding.therapies().isEmpty() ? ".\n\n"
            : "; with an antiresorptive, bone cannot release calcium, so hypocalcaemia follows.\n\n");
    Instant planned = finding.order().plannedFor(a.now());
    md.append("**Monitoring plan**: phosphate and calcium (with albumin) before the infusion; repeat on ")
        .append(LabSuggestions.datesText(labs.dates(planned))).append(" (about 1 and 3 weeks after the infusion on ")
        .append(Describe.date(planned)).append(", then monthly for 2 months).");
    if (finding.ferricCarboxymaltose()) {
      md.append("\n\n**Formulation**: ferric carboxymaltose carries the highest risk (hypophosphataemia in 47–75% ")
          .append("vs 4–8% with ferric derisomaltose); see the separate card for lower-risk products.");
    }
    return md.toString();
  }

  private static String row(LabValue v) {
    return "| " + v.analyte().display() + " | " + Describe.number(v.value()) + " " + escape(v.unit()) + " | "
        + Describe.date(v.when()) + " | " + (v.low() ? "**LOW**" : "not low") + " |\n";
  }

  static String escape(String text) {
    return text.replace("|", "\\|").replace("_", "\\_");
  }

}
