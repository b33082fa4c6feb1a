package org.ironcds.knowledge;

import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ironcds.chart.Quantity;
import org.ironcds.knowledge.cards.CardSettings;
import org.ironcds.knowledge.cards.CardSettings.AlternativeProduct;
import org.ironcds.knowledge.labs.Analyte;
import org.ironcds.knowledge.labs.LabSettings;
import org.ironcds.knowledge.labs.UnitConverter;
import org.ironcds.knowledge.rules.RuleSettings;
import org.ironcds.knowledge.rules.TherapyClass;

/** Reads {@code settings.json} into the settings records, checking every entry and its citation. */
final class SettingsReader {
  private SettingsReader() {}

  static RuleSettings rules(Entry root) {
    List<TherapyClass> classes = new ArrayList<>();
    for (Map.Entry<String, Entry> field : root.get("antiresorptives").fields()) {
      Entry e = field.getValue();
      classes.add(new TherapyClass(field.getKey(), e.get("display").text(), e.get("valueSet").text(),
          e.get("effectWindow").period(), e.source()));
    }
    Entry egfr = root.get("egfr");
    egfr.source();
    Set<String> egfrClasses = new HashSet<>();
    for (Entry id : egfr.get("therapyClasses").items()) {
      if (classes.stream().noneMatch(c -> c.id().equals(id.text()))) {
        throw id.fail("'" + id.text() + "' is not one of the antiresorptives");
      }
      egfrClasses.add(id.text());
    }
    return new RuleSettings(classes, egfr.get("threshold").number(), egfrClasses, egfr.get("lookback").period(),
        cited(root.get("fcmRepeatWindow")).period());
  }

  static LabSettings labs(Entry root) {
    Map<Analyte, Double> limits = new EnumMap<>(Analyte.class);
    for (Map.Entry<String, Entry> field : root.get("lowerLimits").fields()) {
      Entry e = field.getValue();
      Analyte analyte = analyte(field.getKey()).orElseThrow(() -> e.fail("unknown analyte '" + field.getKey() + "'"));
      e.source();
      Quantity limit = new Quantity(e.get("value").number(), e.get("unit").text());
      limits.put(analyte, UnitConverter.toCanonical(analyte, limit)
          .orElseThrow(() -> e.get("unit").fail("unit '" + limit.unit() + "' is not known for " + analyte.display())));
    }
    return new LabSettings(cited(root.get("labLookback")).period(), limits);
  }

  static CardSettings cards(Entry root) {
    Map<String, CardSettings.EvidenceLink> evidence = new HashMap<>();
    for (String key : CardSettings.EVIDENCE_KEYS) {
      Entry e = root.get("evidence").get(key);
      evidence.put(key, new CardSettings.EvidenceLink(e.get("label").text(), e.get("url").absoluteUrl()));
    }
    Map<String, CardSettings.LabOrder> orders = new HashMap<>();
    for (String key : CardSettings.LAB_ORDER_KEYS) {
      Entry e = root.get("labOrders").get(key);
      e.source();
      orders.put(key, new CardSettings.LabOrder(e.get("loinc").text(), e.get("display").text()));
    }
    List<Period> followUp = new ArrayList<>();
    cited(root.get("followUp")).items().forEach(p -> followUp.add(p.period()));
    List<CardSettings.OverrideReason> reasons = new ArrayList<>();
    for (Entry e : root.get("overrideReasons").items()) {
      reasons.add(new CardSettings.OverrideReason(e.get("code").text(), e.get("display").text()));
    }
    return new CardSettings(evidence, cited(root.get("baselineWindow")).period(),
        cited(root.get("vitaminDWindow")).period(), followUp, orders, alternatives(root.get("alternatives")), reasons);
  }

  private static List<AlternativeProduct> alternatives(Entry list) {
    List<AlternativeProduct> products = new ArrayList<>();
    for (Entry e : list.items()) {
      products.add(new AlternativeProduct(e.get("id").text(), e.get("display").text(), e.get("recommended").bool(),
          e.get("rxnorm").text(), e.get("rxnormDisplay").text(), e.get("doseMg").number(),
          optionalNumber(e, "weightCutoffKg"), optionalNumber(e, "mgPerKgBelowCutoff"),
          e.get("instructions").text(), e.get("risk").text(), e.source()));
    }
    if (products.stream().filter(AlternativeProduct::recommended).count() > 1) {
      throw list.fail("at most one alternative may be recommended");
    }
    return products;
  }

  static boolean includeUnverified(Entry root) {
    return root.has("includeUnverifiedCodes") && cited(root.get("includeUnverifiedCodes")).bool();
  }

  /** The {@code value} of an entry that must carry a {@code source}. */
  private static Entry cited(Entry e) {
    e.source();
    return e.get("value");
  }

  private static Optional<Double> optionalNumber(Entry e, String key) {
    return e.has(key) ? Optional.of(e.get(key).number()) : Optional.empty();
  }

  private static Optional<Analyte> analyte(String valueSetId) {
    for (Analyte analyte : Analyte.values()) {
      if (analyte.valueSetId().equals(valueSetId)) {
        return Optional.of(analyte);
      }
    }
    return Optional.empty();
  }
}
