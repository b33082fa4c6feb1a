package org.ironcds.cdshooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One entry of the discovery document. {@code prefetch} maps a key to a 2.0 prefetch template and
 * keeps its order, so discovery output is stable.
 */
public record ServiceDescriptor(
    Hook hook,
    String id,
    String title,
    String description,
    Map<String, String> prefetch,
    Optional<String> usageRequirements) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

  public ServiceDescriptor {
    Objects.requireNonNull(hook, "hook == null");
    Objects.requireNonNull(id, "id == null");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("service id must be URL-safe: " + id);
    }
    Coding.requireText(title, "title");
    Coding.requireText(description, "description");
    prefetch = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(prefetch));
    Objects.requireNonNull(usageRequirements, "usageRequirements == null");
  }
}
