package org.ironcds.prefetch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data one hook call can use, whether the client prefetched it or the service fetched it.
 *
 * @param byKey each template key that has data, to its resource or searchset Bundle (pages already
 *     merged into one Bundle); keys the client sent as {@code null}, and optional keys that could
 *     not be had, are absent
 * @param extraResources resources read on the side, such as Medications that orders reference but
 *     that appear nowhere in the request
 */
public record PrefetchData(Map<String, JsonNode> byKey, List<JsonNode> extraResources) {
  public PrefetchData {
    byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
    extraResources = List.copyOf(extraResources);
  }

  public Optional<JsonNode> get(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** Every usable value, resources and Bundles alike, in template order then the extras. */
  public List<JsonNode> resources() {
    List<JsonNode> all = new ArrayList<>(byKey.values());
    all.addAll(extraResources);
    return Collections.unmodifiableList(all);
  }

  @Override
  public String toString() {
    // Values are PHI: name keys and counts only.
    return "PrefetchData[keys=" + byKey.keySet() + ", extraResources=" + extraResources.size() + "]";
  }
}
