package org.ironcds.chart.fhir;

import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.ironcds.fhir.Fhir;

/**
 * Turns an already-parsed Jackson object into a HAPI R4 resource without writing it back to text:
 * HAPI's JSON parser walks a {@link JacksonStructure} wrapped around the existing node.
 *
 * <p>Not thread-safe (HAPI parsers are not); take one per request.
 */
final class HapiReader {
  private final IJsonLikeParser parser;

  HapiReader() {
    IJsonLikeParser p = (IJsonLikeParser) Fhir.json();
    // Silent, because the default logging could echo patient data into logs; and an invalid value
    // (a malformed date, say) drops that element instead of failing the whole hook call.
    p.setParserErrorHandler(new LenientErrorHandler(false).setErrorOnInvalidValue(false));
    this.parser = p;
  }

  <T extends IBaseResource> T read(Class<T> type, ObjectNode node) {
    JacksonStructure structure = new JacksonStructure();
    structure.setNativeObject(node);
    return parser.parseResource(type, structure);
  }
}
