package org.ironcds.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Matches request paths against a template such as {@code /cds-services/{id}/feedback}. */
final class PathTemplate {
  private final String[] segments;

  PathTemplate(String template) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("path template must start with /: " + template);
    }
    this.segments = template.substring(1).split("/", -1);
  }

  /** The path parameters when {@code path} matches, else empty. Trailing slashes do not match. */
  Optional<Map<String, String>> match(String path) {
    if (path == null || !path.startsWith("/")) {
      return Optional.empty();
    }
    String[] parts = path.substring(1).split("/", -1);
    if (parts.length != segments.length) {
      return Optional.empty();
    }
    Map<String, String> parameters = new HashMap<>();
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.startsWith("{") && segment.endsWith("}")) {
        if (parts[i].isEmpty()) {
          return Optional.empty();
        }
        parameters.put(segment.substring(1, segment.length() - 1), parts[i]);
      } else if (!segment.equals(parts[i])) {
        return Optional.empty();
      }
    }
    return Optional.of(parameters);
  }
}
