package org.ironcds.knowledge.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ironcds.cdshooks.Card;
import org.ironcds.cdshooks.Coding;
import org.ironcds.cdshooks.Indicator;
import org.ironcds.cdshooks.Link;
import org.ironcds.cdshooks.SelectionBehavior;
import org.ironcds.cdshooks.Source;
import org.ironcds.cdshooks.Suggestion;
import org.ironcds.cdshooks.Uuids;
import org.ironcds.knowledge.rules.AntiresorptiveCoTherapy;
import org.ironcds.knowledge.rules.Assessment;
import org.ironcds.knowledge.rules.Finding;
import org.ironcds.knowledge.rules.Severity;

/**
 * Renders a finding into its risk card (evidence, monitoring suggestions, override reasons) and,
 * when the draft is ferric carboxymaltose, a separate switch-formulation card. Immutable and safe
 * for concurrent use.
 */
public final class CardWriter {
  /** Code system of the override reasons this service offers. */
  public static final String OVERRIDE_SYSTEM = "http://ironcds.org/fhir/CodeSystem/override-reason";

  private final CardSettings settings;
  private final LabSuggestions labs;
  private final DetailWriter details;
  private final SwitchFormulation switchFormulation;

  public CardWriter(CardSettings settings) {
    this.settings = settings;
    this.labs = new LabSuggestions(settings);
    this.details = new DetailWriter(labs);
    this.switchFormulation = new SwitchFormulation(settings);
  }

  public Card riskCard(Finding finding, Assessment a) {
    List<Suggestion> suggestions = new ArrayList<>();
    labs.baseline(finding, a).ifPresent(suggestions::add);
    suggestions.add(labs.followUp(finding, a));
    CardSettings.EvidenceLink evidence = settings.evidence().get(
        finding.ruleId().equals(AntiresorptiveCoTherapy.ID) ? "coTherapy" : "fcmBoxedWarning");
    List<Link> links = new ArrayList<>();
    for (String key : linkKeys(finding)) {
      CardSettings.EvidenceLink link = settings.evidence().get(key);
      if (link != evidence) {
        links.add(Link.absolute(link.label(), link.url()));
      }
    }
    return new Card(Uuids.timeOrdered(), summary(finding.summary()), Optional.of(details.detail(finding, a)),
        finding.severity() == Severity.CRITICAL ? Indicator.CRITICAL : Indicator.WARNING,
        Source.of(evidence.label(), evidence.url()), suggestions, Optional.of(SelectionBehavior.ANY),
        overrideReasons(), links);
  }

  public Optional<Card> switchCard(Finding finding, Assessment a) {
    return finding.ferricCarboxymaltose() ? Optional.of(switchFormulation.card(finding, a, overrideReasons()))
        : Optional.empty();
  }

  /** Further reading that applies: the case series with an antiresorptive, the FCM label, the CKD warning. */
  private static List<String> linkKeys(Finding finding) {
    List<String> keys = new ArrayList<>();
    if (!finding.therapies().isEmpty()) {
      keys.add("coTherapy");
    }
    if (finding.ferricCarboxymaltose()) {
      keys.add("fcmBoxedWarning");
    }
    if (finding.therapies().stream().anyMatch(t -> t.therapyClass().id().equals("denosumab"))) {
      keys.add("denosumabCkd");
    }
    return keys;
  }

  private List<Coding> overrideReasons() {
    return settings.overrideReasons().stream().map(r -> Coding.of(OVERRIDE_SYSTEM, r.code(), r.display())).toList();
  }

  /** Cards must stay under 140 code points; rules keep summaries short, this is the last guard. */
  static String summary(String text) {
    if (text.codePointCount(0, text.length()) <= Card.MAX_SUMMARY_CODE_POINTS) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, Card.MAX_SUMMARY_CODE_POINTS - 1)) + "…";
  }
}
