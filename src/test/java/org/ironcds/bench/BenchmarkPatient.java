package org.ironcds.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * One realistic patient for benchmarks: 20 medications (among them denosumab given 3 months ago),
 * 60 laboratory results over a year, and a draft ferric carboxymaltose order. Written either as a
 * full order-sign request with every prefetch key filled, or with no prefetch at all (the service
 * must then fetch from the FHIR server), or as the FHIR resources alone (to load a FHIR server).
 *
 * <p>The non-bone drugs are filler: realistic names with codes used only as test data.
 */
public final class BenchmarkPatient {
  static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  static final String LOINC = "http://loinc.org";
  static final String PATIENT_ID = "bench-patient-1";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final LocalDate today;

  public BenchmarkPatient(LocalDate today) {
    this.today = today;
  }

  /** Medication requests: {display, rxnorm code, months ago, status}. */
  private static final List<String[]> REQUESTS = List.of(
      new String[] {"amlodipine 5 MG Oral Tablet", "197361", "2", "active"},
      new String[] {"atorvastatin 20 MG Oral Tablet", "617310", "2", "active"},
      new String[] {"metformin hydrochloride 500 MG Oral Tablet", "861007", "1", "active"},
      new String[] {"omeprazole 20 MG Delayed Release Oral Capsule", "402014", "4", "active"},
      new String[] {"lisinopril 10 MG Oral Tablet", "314076", "6", "active"},
      new String[] {"cholecalciferol 1000 UNT Oral Tablet", "636671", "5", "active"},
      new String[] {"calcium carbonate 1250 MG Oral Tablet", "308988", "5", "active"},
      new String[] {"ferrous sulfate 325 MG Oral Tablet", "310325", "8", "stopped"},
      new String[] {"paracetamol 500 MG Oral Tablet", "198440", "3", "completed"},
      new String[] {"sertraline 50 MG Oral Tablet", "312940", "9", "active"},
      new String[] {"levothyroxine sodium 0.05 MG Oral Tablet", "966224", "10", "active"},
      new String[] {"1 ML denosumab 60 MG/ML Prefilled Syringe", "993452", "3", "active"});

  private static final List<String[]> STATEMENTS = List.of(
      new String[] {"aspirin 81 MG Delayed Release Oral Tablet", "243670", "11", "active"},
      new String[] {"magnesium oxide 400 MG Oral Tablet", "311486", "6", "active"},
      new String[] {"alendronic acid 70 MG Oral Tablet", "904431", "12", "completed"},
      new String[] {"furosemide 20 MG Oral Tablet", "310429", "7", "active"},
      new String[] {"tramadol hydrochloride 50 MG Oral Tablet", "835603", "4", "completed"});

  private static final List<String[]> ADMINISTRATIONS = List.of(
      new String[] {"1 ML denosumab 60 MG/ML Prefilled Syringe", "993452", "3", "completed"},
      new String[] {"1 ML denosumab 60 MG/ML Prefilled Syringe", "993452", "9", "completed"},
      new String[] {"10 ML iron sucrose 20 MG/ML Injection", "1741261", "11", "completed"});

  /** Monthly: phosphate, calcium, albumin, eGFR (48); quarterly: vitamin D, PTH, magnesium (12). */
  private static final List<String[]> MONTHLY = List.of(
      new String[] {"2777-1", "Phosphate [Mass/volume] in Serum or Plasma", "3.1", "mg/dL", "2.5"},
      new String[] {"17861-6", "Calcium [Mass/volume] in Serum or Plasma", "9.2", "mg/dL", "8.8"},
      new String[] {"1751-7", "Albumin [Mass/volume] in Serum or Plasma", "4.0", "g/dL", "3.5"},
      new String[] {"98979-8", "Glomerular filtration rate/1.73 sq M.predicted (CKD-EPI 2021)", "64", "mL/min/{1.73_m2}",
          "60"});
  private static final List<String[]> QUARTERLY = List.of(
      new String[] {"62292-8", "25-Hydroxyvitamin D3+25-Hydroxyvitamin D2 [Mass/volume]", "32", "ng/mL", "20"},
      new String[] {"2731-8", "Parathyrin.intact [Mass/volume] in Serum or Plasma", "48", "pg/mL", "15"},
      new String[] {"19123-9", "Magnesium [Mass/volume] in Serum or Plasma", "2.0", "mg/dL", "1.7"});

  ObjectNode patient() {
    ObjectNode p = F.objectNode().put("resourceType", "Patient").put("id", PATIENT_ID).put("gender", "female")
        .put("birthDate", "1949-03-14");
    p.putArray("name").addObject().put("family", "Benchmark").putArray("given").add("Beatrix");
    return p;
  }

  ObjectNode medicationRequests() {
    ArrayNode entries = F.arrayNode();
    int i = 0;
    for (String[] m : REQUESTS) {
      ObjectNode r = F.objectNode().put("resourceType", "MedicationRequest").put("id", "mr-" + i++)
          .put("status", m[3]).put("intent", "order");
      medication(r, m);
      r.putObject("subject").put("reference", "Patient/" + PATIENT_ID);
      r.put("authoredOn", monthsAgo(m[2]) + "T09:00:00Z");
      r.putObject("requester").put("reference", "Practitioner/gp-1");
      entries.add(F.objectNode().set("resource", r));
    }
    return bundle(entries);
  }

  ObjectNode medicationStatements() {
    ArrayNode entries = F.arrayNode();
    int i = 0;
    for (String[] m : STATEMENTS) {
      ObjectNode r = F.objectNode().put("resourceType", "MedicationStatement").put("id", "ms-" + i++)
          .put("status", m[3]);
      medication(r, m);
      r.putObject("subject").put("reference", "Patient/" + PATIENT_ID);
      r.put("effectiveDateTime", monthsAgo(m[2]) + "T09:00:00Z");
      entries.add(F.objectNode().set("resource", r));
    }
    return bundle(entries);
  }

  ObjectNode medicationAdministrations() {
    ArrayNode entries = F.arrayNode();
    int i = 0;
    for (String[] m : ADMINISTRATIONS) {
      ObjectNode r = F.objectNode().put("resourceType", "MedicationAdministration").put("id", "ma-" + i++)
          .put("status", m[3]);
      medication(r, m);
      r.putObject("subject").put("reference", "Patient/" + PATIENT_ID);
      r.put("effectiveDateTime", monthsAgo(m[2]) + "T10:30:00Z");
      entries.add(F.objectNode().set("resource", r));
    }
    return bundle(entries);
  }

  ObjectNode observations() {
    ArrayNode entries = F.arrayNode();
    int i = 0;
    for (int month = 0; month < 12; month++) {
      for (String[] lab : MONTHLY) {
        entries.add(F.objectNode().set("resource", observation("obs-" + i++, lab, month)));
      }
      if (month % 3 == 0) {
        for (String[] lab : QUARTERLY) {
          entries.add(F.objectNode().set("resource", observation("obs-" + i++, lab, month)));
        }
      }
    }
    return bundle(entries);
  }

  private ObjectNode observation(String id, String[] lab, int monthsAgo) {
    ObjectNode o = F.objectNode().put("resourceType", "Observation").put("id", id).put("status", "final");
    o.putArray("category").addObject().putArray("coding").addObject()
        .put("system", "http://terminology.hl7.org/CodeSystem/observation-category").put("code", "laboratory");
    o.putObject("code").putArray("coding").addObject().put("system", LOINC).put("code", lab[0]).put("display", lab[1]);
    o.putObject("subject").put("reference", "Patient/" + PATIENT_ID);
    o.put("effectiveDateTime", today.minusMonths(monthsAgo).minusDays(2) + "T08:15:00Z");
    o.putObject("valueQuantity").put("value", Double.parseDouble(lab[2])).put("unit", lab[3])
        .put("system", "http://unitsofmeasure.org").put("code", lab[3]);
    o.putArray("referenceRange").addObject().putObject("low").put("value", Double.parseDouble(lab[4]))
        .put("unit", lab[3]).put("system", "http://unitsofmeasure.org").put("code", lab[3]);
    return o;
  }

  ObjectNode draftOrders() {
    ObjectNode r = F.objectNode().put("resourceType", "MedicationRequest").put("id", "draft-fcm-1")
        .put("status", "draft").put("intent", "order");
    medication(r, new String[] {"15 ML ferric carboxymaltose 50 MG/ML Injection", "1435169"});
    r.putObject("subject").put("reference", "Patient/" + PATIENT_ID);
    r.putObject("encounter").put("reference", "Encounter/bench-enc-1");
    r.put("authoredOn", today + "T10:00:00Z");
    r.putObject("requester").put("reference", "Practitioner/haem-1");
    ObjectNode dose = r.putArray("dosageInstruction").addObject();
    dose.put("text", "750 mg IV infusion, repeat once after 7 days");
    dose.putObject("route").putArray("coding").addObject().put("system", "http://snomed.info/sct")
        .put("code", "47625008").put("display", "Intravenous route");
    ArrayNode entries = F.arrayNode();
    entries.add(F.objectNode().set("resource", r));
    return F.objectNode().put("resourceType", "Bundle").put("type", "collection").set("entry", entries);
  }

  /** The order-sign request; with {@code prefetch} false it carries fhirServer and a token instead. */
  public ObjectNode request(boolean prefetch, String fhirServer) {
    ObjectNode request = F.objectNode().put("hook", "order-sign")
        .put("hookInstance", "8c1e6f52-5a1c-4f44-9f0c-3a2b1c0d9e8f");
    if (!prefetch) {
      request.put("fhirServer", fhirServer);
      request.putObject("fhirAuthorization").put("access_token", "bench-token").put("token_type", "Bearer")
          .put("expires_in", 300).put("scope", "user/*.read").put("subject", "iron-cds");
    }
    ObjectNode context = request.putObject("context");
    context.put("userId", "Practitioner/haem-1").put("patientId", PATIENT_ID).put("encounterId", "bench-enc-1");
    context.set("draftOrders", draftOrders());
    if (prefetch) {
      ObjectNode keys = request.putObject("prefetch");
      keys.set("patient", patient());
      keys.set("medicationRequests", medicationRequests());
      keys.set("medicationStatements", medicationStatements());
      keys.set("medicationAdministrations", medicationAdministrations());
      keys.set("observations", observations());
    }
    return request;
  }

  private void medication(ObjectNode resource, String[] m) {
    resource.putObject("medicationCodeableConcept").putArray("coding").addObject().put("system", RXNORM)
        .put("code", m[1]).put("display", m[0]);
  }

  private String monthsAgo(String months) {
    return today.minusMonths(Long.parseLong(months)).toString();
  }

  private static ObjectNode bundle(ArrayNode entries) {
    ObjectNode bundle = F.objectNode().put("resourceType", "Bundle").put("type", "searchset")
        .put("total", entries.size());
    bundle.set("entry", entries);
    return bundle;
  }

  /** Writes {@code request-prefetch.json} and {@code request-fetch.json} into the given directory. */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/bench");
    String fhirServer = args.length > 1 ? args[1] : "http://127.0.0.1:18091/fhir";
    Files.createDirectories(dir);
    BenchmarkPatient patient = new BenchmarkPatient(LocalDate.now(ZoneOffset.UTC));
    ObjectMapper mapper = new ObjectMapper();
    Files.write(dir.resolve("request-prefetch.json"), mapper.writeValueAsBytes(patient.request(true, fhirServer)));
    Files.write(dir.resolve("request-fetch.json"), mapper.writeValueAsBytes(patient.request(false, fhirServer)));
  }
}
