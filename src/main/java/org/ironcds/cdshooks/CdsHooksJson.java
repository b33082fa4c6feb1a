package org.ironcds.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one JSON codec of the protocol: reads and validates hook requests, writes responses.
 *
 * <p>Reading is lenient where the spec says clients vary (unknown fields and {@code extension}
 * anywhere, Bundles without {@code type}, resources without {@code id}, orders of any type and
 * status) and strict where the input is wrong: every problem becomes an {@link
 * InvalidRequestException} naming the field. Writing omits nulls, empty optionals and empty
 * collections everywhere except {@code cards}, which the spec wants even when empty.
 *
 * <p>Instances are immutable and safe for concurrent use, and all share one Jackson mapper. The
 * mapper {@link #mapper()} returns must not be reconfigured; {@code copy()} it first.
 */
public final class CdsHooksJson {
  /** Deeper than any FHIR resource a hook carries; stops stack-exhausting inputs early. */
  public static final int MAX_NESTING_DEPTH = 100;

  private static final Pattern HOOK_INSTANCE = Pattern.compile("[A-Za-z0-9\\-._:]{1,128}");
  private static final Pattern TYPED_REFERENCE = Pattern.compile("[A-Z][A-Za-z]{1,63}/[A-Za-z0-9\\-.]{1,64}");

  /**
   * One mapper for the whole process: Jackson builds a serializer per response class on first use
   * and caches it in the mapper, so a mapper per server would leave the real server's first
   * response to pay what the warm-up already paid. Jackson mappers are safe for concurrent use.
   */
  private static final ObjectMapper MAPPER = newMapper();
  private static final JsonTreeReader TREES = new JsonTreeReader(MAPPER.getFactory(), MAPPER.getNodeFactory());

  private static ObjectMapper newMapper() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            // Correctly rounded like Double.parseDouble, and faster for a history's many lab values.
            .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();
    return JsonMapper.builder(factory)
        .addModule(new Jdk8Module())
        .serializationInclusion(JsonInclude.Include.NON_EMPTY)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .nodeFactory(new CompactNodeFactory())
        .build();
  }

  /** The shared mapper, for other protocol readers and tests; {@code copy()} it to change settings. */
  public ObjectMapper mapper() {
    return MAPPER;
  }

  /** Parses a body into a JSON tree; malformed or too deeply nested JSON is an invalid request. */
  public JsonNode readTree(byte[] body) {
    return readTree(() -> MAPPER.readTree(body));
  }

  /**
   * As {@link #readTree(byte[])}, straight from a stream, so a large body is never copied into an
   * array first. An exception the stream throws (a size limit, say) comes out as it is; a stream
   * that fails to read is an {@link UncheckedIOException}.
   */
  public JsonNode readTree(InputStream body) {
    return readTree(() -> MAPPER.readTree(body));
  }

  private interface TreeSource {
    JsonNode read() throws IOException;
  }

  private static JsonNode readTree(TreeSource source) {
    try {
      JsonNode tree = source.read();
      if (tree == null || tree.isMissingNode()) {
        throw new InvalidRequestException("body", "Request body is empty");
      }
      return tree;
    } catch (StreamConstraintsException e) {
      throw new InvalidRequestException("body", "JSON nesting is deeper than " + MAX_NESTING_DEPTH + " levels");
    } catch (JsonProcessingException e) {
      // Jackson's own message can quote the offending token, which may be patient data.
      String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ")";
      throw new InvalidRequestException("body", "Request body is not valid JSON" + where);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads and validates a hook request for a service registered for {@code expected}. Inside
   * prefetch values, FHIR elements no part of the service reads are left out while parsing (see
   * {@link JsonTreeReader#UNREAD_FHIR_ELEMENTS}).
   *
   * @throws InvalidRequestException if the body is not a well-formed request for that hook
   */
  public HookRequest readHookRequest(byte[] body, Hook expected) {
    return readHookRequest(readTree(() -> TREES.readHookRequest(body)), expected);
  }

  /** As {@link #readHookRequest(byte[], Hook)}, straight from a stream (see {@link #readTree(InputStream)}). */
  public HookRequest readHookRequest(InputStream body, Hook expected) {
    return readHookRequest(readTree(() -> TREES.readHookRequest(body)), expected);
  }

  private HookRequest readHookRequest(JsonNode root, Hook expected) {
    if (!root.isObject()) {
      throw new InvalidRequestException("body", "Request body must be a JSON object");
    }
    String hookName = JsonFields.requireText(root, "hook", "hook");
    if (!hookName.equals(expected.code())) {
      throw new InvalidRequestException(
          "hook", "This service answers the " + expected.code() + " hook, not " + Hook.fromCode(hookName)
              .map(Hook::code).orElse("an unsupported hook"));
    }
    String hookInstance = JsonFields.requireText(root, "hookInstance", "hookInstance");
    if (!HOOK_INSTANCE.matcher(hookInstance).matches()) {
      throw new InvalidRequestException("hookInstance", "hookInstance must be a UUID");
    }
    Optional<URI> fhirServer = readFhirServer(root);
    Optional<FhirAuthorization> authorization = readAuthorization(root);
    if (authorization.isPresent() && fhirServer.isEmpty()) {
      throw new InvalidRequestException("fhirServer", "fhirServer is required when fhirAuthorization is present");
    }
    OrderContext context = readContext(JsonFields.requireObject(root, "context", "context"), expected);
    Prefetch prefetch = readPrefetch(root);
    return new HookRequest(expected, hookInstance, fhirServer, authorization, context, prefetch);
  }

  /**
   * Parses a FHIR resource or Bundle a FHIR server returned, leaving out the elements no part of
   * the service reads, as for prefetch values. {@code null} for an empty body.
   *
   * @throws IOException if the body is not JSON
   */
  public JsonNode readFhirResource(byte[] body) throws IOException {
    JsonNode tree = TREES.readFhirResource(body);
    return tree.isMissingNode() ? null : tree;
  }

  /** Writes a response body. */
  public byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  private static Optional<URI> readFhirServer(JsonNode root) {
    Optional<String> text = JsonFields.optionalText(root, "fhirServer", "fhirServer");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI uri = new URI(text.get());
      String scheme = uri.getScheme();
      if (scheme == null || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
          || uri.getHost() == null) {
        throw new InvalidRequestException("fhirServer", "fhirServer must be an absolute http(s) URL");
      }
      return Optional.of(uri);
    } catch (URISyntaxException e) {
      throw new InvalidRequestException("fhirServer", "fhirServer must be an absolute http(s) URL");
    }
  }

  private static Optional<FhirAuthorization> readAuthorization(JsonNode root) {
    Optional<JsonNode> node = JsonFields.optionalObject(root, "fhirAuthorization", "fhirAuthorization");
    if (node.isEmpty()) {
      return Optional.empty();
    }
    JsonNode auth = node.get();
    String token = JsonFields.requireText(auth, "access_token", "fhirAuthorization.access_token");
    String type = JsonFields.requireText(auth, "token_type", "fhirAuthorization.token_type");
    if (!type.equalsIgnoreCase("Bearer")) {
      throw new InvalidRequestException("fhirAuthorization.token_type", "fhirAuthorization.token_type must be Bearer");
    }
    JsonNode expiresIn = auth.path("expires_in");
    if (!expiresIn.isMissingNode() && !expiresIn.isNull() && !expiresIn.canConvertToLong()) {
      throw new InvalidRequestException("fhirAuthorization.expires_in", "fhirAuthorization.expires_in must be an integer");
    }
    return Optional.of(
        new FhirAuthorization(
            token,
            "Bearer",
            expiresIn.asLong(0),
            JsonFields.optionalText(auth, "scope", "fhirAuthorization.scope").orElse(""),
            JsonFields.optionalText(auth, "subject", "fhirAuthorization.subject").orElse(""),
            JsonFields.optionalText(auth, "patient", "fhirAuthorization.patient")));
  }

  private static OrderContext readContext(JsonNode context, Hook hook) {
    String userId = JsonFields.requireText(context, "userId", "context.userId");
    if (!TYPED_REFERENCE.matcher(userId).matches()) {
      throw new InvalidRequestException("context.userId", "context.userId must be a typed reference such as Practitioner/123");
    }
    String patientId = JsonFields.requireText(context, "patientId", "context.patientId");
    Optional<String> encounterId = JsonFields.optionalText(context, "encounterId", "context.encounterId");
    JsonNode draftOrders = JsonFields.requireObject(context, "draftOrders", "context.draftOrders");
    if (!"Bundle".equals(draftOrders.path("resourceType").asText())) {
      throw new InvalidRequestException("context.draftOrders", "context.draftOrders must be a FHIR Bundle");
    }
    JsonNode entries = draftOrders.path("entry");
    if (!entries.isMissingNode() && !entries.isNull() && !entries.isArray()) {
      throw new InvalidRequestException("context.draftOrders.entry", "context.draftOrders.entry must be an array");
    }
    List<String> selections = hook == Hook.ORDER_SELECT ? readSelections(context, draftOrders) : List.of();
    return new OrderContext(userId, patientId, encounterId, draftOrders, selections);
  }

  private static List<String> readSelections(JsonNode context, JsonNode draftOrders) {
    JsonNode node = context.get("selections");
    if (node == null || node.isNull()) {
      throw new InvalidRequestException("context.selections", "context.selections is required for order-select");
    }
    if (!node.isArray()) {
      throw new InvalidRequestException("context.selections", "context.selections must be an array of references");
    }
    Set<String> orderReferences = draftOrderReferences(draftOrders);
    List<String> selections = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      String path = "context.selections[" + i + "]";
      if (!item.isTextual() || !TYPED_REFERENCE.matcher(item.textValue()).matches()) {
        throw new InvalidRequestException(path, path + " must be a typed reference such as MedicationRequest/123");
      }
      if (!orderReferences.contains(item.textValue())) {
        throw new InvalidRequestException(path, path + " does not point to an entry in context.draftOrders");
      }
      selections.add(item.textValue());
    }
    return selections;
  }

  private static Set<String> draftOrderReferences(JsonNode draftOrders) {
    Set<String> references = new HashSet<>();
    for (JsonNode entry : draftOrders.path("entry")) {
      JsonNode resource = entry.path("resource");
      if (resource.path("resourceType").isTextual() && resource.path("id").isTextual()) {
        references.add(resource.get("resourceType").textValue() + "/" + resource.get("id").textValue());
      }
    }
    return references;
  }

  private static Prefetch readPrefetch(JsonNode root) {
    Optional<JsonNode> node = JsonFields.optionalObject(root, "prefetch", "prefetch");
    if (node.isEmpty()) {
      return Prefetch.empty();
    }
    Map<String, JsonNode> values = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.get().fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      boolean resource = value.isObject() && value.path("resourceType").isTextual();
      if (!value.isNull() && !resource) {
        String path = "prefetch." + field.getKey();
        throw new InvalidRequestException(path, path + " must be a FHIR resource or null");
      }
      values.put(field.getKey(), value);
    }
    return Prefetch.of(values);
  }
}
