package org.ironcds.prefetch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import org.ironcds.cdshooks.OrderContext;

/**
 * Fills a template's 2.0 tokens from the hook context, the way a client would. Values are
 * percent-encoded so an id can never add a path segment or a search parameter. A template whose
 * token has no value here (no {@code encounterId}, a {@code userPatientId} for a practitioner) is
 * not expandable, as the spec tells clients to skip such keys.
 */
final class TemplateExpander {
  private TemplateExpander() {}

  /** The relative URL with every token filled, or empty when a token has no value. */
  static Optional<String> expand(String query, OrderContext context) {
    Matcher matcher = PrefetchTemplate.TOKEN.matcher(query);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      Optional<String> value = value(matcher.group(1), context);
      if (value.isEmpty()) {
        return Optional.empty();
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value.get()));
    }
    matcher.appendTail(out);
    return Optional.of(escapeQueryText(out.toString()));
  }

  private static Optional<String> value(String token, OrderContext context) {
    return switch (token) {
      case "context.patientId" -> Optional.of(encode(context.patientId()));
      case "context.encounterId" -> context.encounterId().map(TemplateExpander::encode);
      // A typed reference: keep its one slash so {{context.userId}} works as a read URL.
      case "context.userId" -> Optional.of(encode(context.userId()).replace("%2F", "/"));
      case "userPractitionerId" -> userId(context, "Practitioner");
      case "userPractitionerRoleId" -> userId(context, "PractitionerRole");
      case "userPatientId" -> userId(context, "Patient");
      case "userRelatedPersonId" -> userId(context, "RelatedPerson");
      default -> Optional.empty();
    };
  }

  private static Optional<String> userId(OrderContext context, String type) {
    String prefix = type + "/";
    String userId = context.userId();
    return userId.startsWith(prefix)
        ? Optional.of(encode(userId.substring(prefix.length())))
        : Optional.empty();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Escapes the characters the template text itself may hold but a URI may not, chiefly the
   * {@code |} of {@code system|code} tokens; existing escapes are left alone.
   */
  static String escapeQueryText(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (allowedInUri(c)) {
        out.append(c);
      } else {
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
              .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
      }
    }
    return out.toString();
  }

  private static boolean allowedInUri(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~:/?@!$&'()*+,;=%".indexOf(c) >= 0;
  }
}
