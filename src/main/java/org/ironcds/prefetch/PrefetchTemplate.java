package org.ironcds.prefetch;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One CDS Hooks 2.0 prefetch template: the key it is published under, its relative FHIR read or
 * search URL with {@code {{token}}} placeholders, whether services require it by default, and what
 * it is for.
 *
 * <p>The constructor enforces the 2.0 rules a client relies on: only the hook's primitive context
 * fields and the four user tokens, a relative URL, and real FHIR search syntax ({@code _sort=-date},
 * never the spec example's {@code sort:desc=date}).
 */
public record PrefetchTemplate(String key, String query, boolean required, String description) {
  /** Every token a 2.0 template may use for order-sign and order-select. */
  public static final Set<String> ALLOWED_TOKENS =
      Set.of(
          "context.patientId",
          "context.userId",
          "context.encounterId",
          "userPractitionerId",
          "userPractitionerRoleId",
          "userPatientId",
          "userRelatedPersonId");

  static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
  private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
  private static final Pattern RESOURCE_TYPE = Pattern.compile("[A-Z][A-Za-z]{1,63}");

  public PrefetchTemplate {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(query, "query == null");
    Objects.requireNonNull(description, "description == null");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("prefetch key must be a simple name: " + key);
    }
    requireRelative(key, query);
    requireAllowedTokens(key, query);
    requireSearchSyntax(key, query);
  }

  private static void requireRelative(String key, String query) {
    String type = query.split("[/?]", 2)[0];
    if (!RESOURCE_TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException(
          "prefetch " + key + ": query must be a relative FHIR URL starting with a resource type");
    }
    int question = query.indexOf('?');
    String path = question < 0 ? query : query.substring(0, question);
    if (path.contains("..") || path.contains("//")) {
      throw new IllegalArgumentException("prefetch " + key + ": query path must not contain '..' or '//'");
    }
  }

  private static void requireAllowedTokens(String key, String query) {
    Matcher matcher = TOKEN.matcher(query);
    while (matcher.find()) {
      if (!ALLOWED_TOKENS.contains(matcher.group(1))) {
        throw new IllegalArgumentException(
            "prefetch " + key + ": token {{" + matcher.group(1) + "}} is not allowed in CDS Hooks 2.0");
      }
    }
    String rest = matcher.replaceAll("");
    if (rest.contains("{{") || rest.contains("}}") || rest.contains("${")) {
      throw new IllegalArgumentException("prefetch " + key + ": query has an unbalanced or unexpanded placeholder");
    }
  }

  private static void requireSearchSyntax(String key, String query) {
    int question = query.indexOf('?');
    if (question < 0) {
      return;
    }
    for (String parameter : query.substring(question + 1).split("&")) {
      String name = parameter.split("=", 2)[0];
      if (name.isEmpty() || !parameter.contains("=")) {
        throw new IllegalArgumentException("prefetch " + key + ": malformed search parameter '" + name + "'");
      }
      if (name.startsWith("sort:") || name.endsWith(":desc") || name.endsWith(":asc")) {
        throw new IllegalArgumentException(
            "prefetch " + key + ": '" + name + "' is not FHIR search syntax; use _sort=-field");
      }
    }
  }
}
