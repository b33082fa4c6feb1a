package org.ironcds.http;

/** Small CDS Hooks request bodies for HTTP tests. Realistic scenarios live in fhir-examples/. */
final class HookRequests {
  private HookRequests() {}

  static final String DRAFT_ORDERS = """
      {"resourceType":"Bundle","type":"collection","entry":[{"resource":{
        "resourceType":"MedicationRequest","id":"draft-iron-1","status":"draft","intent":"order",
        "subject":{"reference":"Patient/pat-1"},
        "medicationCodeableConcept":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm",
          "code":"1435169","display":"15 ML ferric carboxymaltose 50 MG/ML Injection"}]}}}]}""";

  static String orderSign() {
    return """
        {"hook":"order-sign","hookInstance":"d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
         "context":{"userId":"Practitioner/prac-1","patientId":"pat-1","encounterId":"enc-1",
           "draftOrders":%s},
         "prefetch":{"patient":{"resourceType":"Patient","id":"pat-1"}}}""".formatted(DRAFT_ORDERS);
  }

  static String orderSelect(String selection) {
    return """
        {"hook":"order-select","hookInstance":"0f8e2c2a-3a4b-4b8e-9d55-1c4f3f0e7a11",
         "context":{"userId":"Practitioner/prac-1","patientId":"pat-1",
           "selections":["%s"],"draftOrders":%s}}""".formatted(selection, DRAFT_ORDERS);
  }
}
