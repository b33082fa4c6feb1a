package org.ironcds.prefetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.util.Optional;
import java.util.UUID;
import org.ironcds.cdshooks.CdsHooksJson;
import org.ironcds.cdshooks.Hook;
import org.ironcds.cdshooks.HookRequest;

/**
 * Builds order-sign requests for {@link TestChart}'s patient the way an EHR would send them, then
 * reads them through the real codec.
 */
public final class HookRequests {
  private static final CdsHooksJson JSON = new CdsHooksJson();

  private Optional<URI> fhirServer = Optional.empty();
  private Optional<String> accessToken = Optional.empty();
  private final ObjectNode prefetch = JsonNodeFactory.instance.objectNode();
  private JsonNode draftOrders = defaultDraftOrders();

  public static HookRequests orderSign() {
    return new HookRequests();
  }

  /** A request with the server and the test token. */
  public static HookRequests orderSign(URI fhirServer) {
    return new HookRequests().fhirServer(fhirServer).token(TestChart.ACCESS_TOKEN);
  }

  public HookRequests fhirServer(URI value) {
    fhirServer = Optional.of(value);
    return this;
  }

  public HookRequests token(String value) {
    accessToken = Optional.of(value);
    return this;
  }

  public HookRequests prefetch(String key, JsonNode value) {
    prefetch.set(key, value);
    return this;
  }

  /** Every template key filled as a complete client would. */
  public HookRequests completePrefetch() {
    TestChart.templates().keys().forEach(key -> prefetch(key, TestChart.prefetchValue(key)));
    return this;
  }

  public HookRequests prefetchNull(String key) {
    prefetch.putNull(key);
    return this;
  }

  public HookRequests without(String key) {
    prefetch.remove(key);
    return this;
  }

  public HookRequests draftOrders(JsonNode value) {
    draftOrders = value;
    return this;
  }

  public HookRequest build() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("hook", "order-sign");
    root.put("hookInstance", UUID.randomUUID().toString());
    fhirServer.ifPresent(server -> root.put("fhirServer", server.toString()));
    accessToken.ifPresent(
        token -> {
          ObjectNode auth = root.putObject("fhirAuthorization");
          auth.put("access_token", token);
          auth.put("token_type", "Bearer");
          auth.put("expires_in", 300);
          auth.put("scope", "user/MedicationRequest.read user/Observation.read");
          auth.put("subject", "iron-cds");
        });
    ObjectNode context = root.putObject("context");
    context.put("userId", "Practitioner/pr-1");
    context.put("patientId", TestChart.PATIENT_ID);
    context.set("draftOrders", draftOrders);
    root.set("prefetch", prefetch);
    return JSON.readHookRequest(JSON.write(root), Hook.ORDER_SIGN);
  }

  private static JsonNode defaultDraftOrders() {
    ObjectNode bundle = JsonNodeFactory.instance.objectNode();
    bundle.put("resourceType", "Bundle");
    ObjectNode order = bundle.putArray("entry").addObject().putObject("resource");
    order.put("resourceType", "MedicationRequest");
    order.put("id", "draft-1");
    order.put("status", "draft");
    order.putObject("medicationCodeableConcept").put("text", "iron sucrose 200 mg IV");
    return bundle;
  }
}
