package org.ironcds.knowledge.cards;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.ironcds.cdshooks.FhirJson;
import org.ironcds.chart.Code;
import org.ironcds.chart.DraftOrder;
import org.ironcds.chart.PatientChart;
import org.ironcds.knowledge.cards.CardSettings.AlternativeProduct;
import org.ironcds.knowledge.cards.CardSettings.LabOrder;

/**
 * Writes the draft FHIR resources that suggestions create, as FHIR JSON, straight from the card's
 * data.
 *
 * <p>These resources have a handful of fixed elements, so they are written with a streaming JSON
 * generator in the FHIR element order instead of being built as HAPI objects and encoded: HAPI's
 * encoder walks its whole model definition for each resource and cost more than all the rules
 * together. {@code OrderResourcesTest} checks that HAPI reads back exactly the resource it would
 * have built.
 */
final class OrderResources {
  static final String LOINC = "http://loinc.org";
  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  static final String SNOMED = "http://snomed.info/sct";
  static final String UCUM = "http://unitsofmeasure.org";

  private static final JsonFactory JSON = new JsonFactory();
  private static final long SECONDS_PER_DAY = 86_400;

  private OrderResources() {}

  /** A draft lab order for the patient and encounter; {@code when} empty means "before the infusion". */
  static FhirJson labOrder(LabOrder test, PatientChart chart, DraftOrder order, Instant now, List<Instant> when,
      String note) {
    return write(json -> {
      json.writeStringField("resourceType", "ServiceRequest");
      json.writeStringField("status", "draft");
      json.writeStringField("intent", "order");
      json.writeFieldName("code");
      concept(json, new Code(LOINC, test.loinc(), Optional.of(test.display())), Optional.of(test.display()));
      subjectAndEncounter(json, chart, order);
      if (!when.isEmpty()) {
        json.writeObjectFieldStart("occurrenceTiming");
        json.writeArrayFieldStart("event");
        for (Instant w : when) {
          json.writeString(dateTime(w));
        }
        json.writeEndArray();
        json.writeEndObject();
      }
      json.writeStringField("authoredOn", dateTime(now));
      reference(json, "requester", requester(chart, order));
      json.writeArrayFieldStart("reasonCode");
      json.writeStartObject();
      json.writeStringField("text", note);
      json.writeEndObject();
      json.writeEndArray();
    });
  }

  /** A complete draft MedicationRequest for a lower-risk product, same patient, prescriber, encounter and reason. */
  static FhirJson alternative(AlternativeProduct product, double doseMg, PatientChart chart, DraftOrder order,
      Instant now) {
    return write(json -> {
      json.writeStringField("resourceType", "MedicationRequest");
      json.writeStringField("status", "draft");
      json.writeStringField("intent", "order");
      json.writeFieldName("medicationCodeableConcept");
      concept(json, new Code(RXNORM, product.rxnorm(), Optional.of(product.rxnormDisplay())),
          Optional.of(product.rxnormDisplay()));
      subjectAndEncounter(json, chart, order);
      json.writeStringField("authoredOn", dateTime(now));
      reference(json, "requester", requester(chart, order));
      if (!order.reasonCodes().isEmpty()) {
        json.writeArrayFieldStart("reasonCode");
        for (Code reason : order.reasonCodes()) {
          concept(json, reason, Optional.empty());
        }
        json.writeEndArray();
      }
      if (!order.reasonReferences().isEmpty()) {
        json.writeArrayFieldStart("reasonReference");
        for (String r : order.reasonReferences()) {
          json.writeStartObject();
          json.writeStringField("reference", r);
          json.writeEndObject();
        }
        json.writeEndArray();
      }
      dosage(json, product, doseMg);
    });
  }

  private static void dosage(JsonGenerator json, AlternativeProduct product, double doseMg) throws IOException {
    json.writeArrayFieldStart("dosageInstruction");
    json.writeStartObject();
    json.writeStringField("text", product.instructions());
    json.writeFieldName("route");
    concept(json, new Code(SNOMED, "47625008", Optional.of("Intravenous route")), Optional.empty());
    json.writeArrayFieldStart("doseAndRate");
    json.writeStartObject();
    json.writeObjectFieldStart("doseQuantity");
    json.writeNumberField("value", Math.round(doseMg));
    json.writeStringField("unit", "mg");
    json.writeStringField("system", UCUM);
    json.writeStringField("code", "mg");
    json.writeEndObject();
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
  }

  /** A CodeableConcept with one coding; empty system or display are left out, as HAPI leaves them out. */
  private static void concept(JsonGenerator json, Code code, Optional<String> text) throws IOException {
    json.writeStartObject();
    json.writeArrayFieldStart("coding");
    json.writeStartObject();
    if (!code.system().isEmpty()) {
      json.writeStringField("system", code.system());
    }
    json.writeStringField("code", code.code());
    if (code.display().filter(d -> !d.isEmpty()).isPresent()) {
      json.writeStringField("display", code.display().get());
    }
    json.writeEndObject();
    json.writeEndArray();
    if (text.isPresent()) {
      json.writeStringField("text", text.get());
    }
    json.writeEndObject();
  }

  /** The patient, and the draft's encounter (else the hook's), as the draft order has them. */
  private static void subjectAndEncounter(JsonGenerator json, PatientChart chart, DraftOrder order)
      throws IOException {
    reference(json, "subject", "Patient/" + chart.patientId());
    Optional<String> encounter = encounter(chart, order);
    if (encounter.isPresent()) {
      reference(json, "encounter", encounter.get());
    }
  }

  private static void reference(JsonGenerator json, String field, String reference) throws IOException {
    json.writeObjectFieldStart(field);
    json.writeStringField("reference", reference);
    json.writeEndObject();
  }

  /** FHIR dateTime to the second, in UTC: the precision HAPI gave these fields before. */
  static String dateTime(Instant instant) {
    LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond(), SECONDS_PER_DAY));
    if (day.getYear() < 1000 || day.getYear() > 9999) {
      return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
    // By hand: seven of these per card set, and the general formatter was a tenth of card writing.
    int second = (int) Math.floorMod(instant.getEpochSecond(), SECONDS_PER_DAY);
    StringBuilder text = new StringBuilder(20).append(day.getYear()).append('-');
    twoDigits(text, day.getMonthValue()).append('-');
    twoDigits(text, day.getDayOfMonth()).append('T');
    twoDigits(text, second / 3_600).append(':');
    twoDigits(text, second / 60 % 60).append(':');
    return twoDigits(text, second % 60).append('Z').toString();
  }

  private static StringBuilder twoDigits(StringBuilder text, int value) {
    return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
  }

  private static String requester(PatientChart chart, DraftOrder order) {
    return order.requester().orElse(chart.userId());
  }

  private static Optional<String> encounter(PatientChart chart, DraftOrder order) {
    return order.encounter().or(() -> chart.encounterId().map(e -> e.contains("/") ? e : "Encounter/" + e));
  }

  private interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  private static FhirJson write(Body body) {
    // The resources are 0.6-0.9 KB; a larger initial buffer was most of card writing's allocation.
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      body.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory failed", e);
    }
    return new FhirJson(out.toString());
  }
}
