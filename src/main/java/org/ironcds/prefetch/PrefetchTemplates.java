package org.ironcds.prefetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The service's prefetch templates, loaded from {@code prefetch/templates.json} and validated. They
 * are published in discovery ({@link #discovery()}) and run by {@link PrefetchResolver} when a
 * client leaves a key out.
 *
 * <p>The lab query's {@code ${labCodes}} placeholder is filled at load time with the LOINC tokens
 * the knowledge module reads, so the template fetches exactly the labs the rules use. Instances
 * are immutable.
 */
public final class PrefetchTemplates {
  /** The classpath resource holding the templates. */
  public static final String RESOURCE = "/prefetch/templates.json";

  private static final String LAB_CODES = "${labCodes}";
  private static final Pattern CODE_TOKEN = Pattern.compile("[A-Za-z0-9:/._%-]{1,200}\\|[A-Za-z0-9._-]{1,64}");

  private final Map<String, PrefetchTemplate> byKey;

  private PrefetchTemplates(List<PrefetchTemplate> templates) {
    Map<String, PrefetchTemplate> map = new LinkedHashMap<>();
    for (PrefetchTemplate template : templates) {
      if (map.putIfAbsent(template.key(), template) != null) {
        throw new IllegalArgumentException("two prefetch templates share the key " + template.key());
      }
    }
    this.byKey = Collections.unmodifiableMap(map);
  }

  /**
   * Loads the bundled templates.
   *
   * @param labCodeTokens {@code system|code} tokens such as {@code http://loinc.org|2777-1}; at
   *     least one
   */
  public static PrefetchTemplates load(List<String> labCodeTokens) {
    try (InputStream in = PrefetchTemplates.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      return parse(in, labCodeTokens);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Reads templates from JSON shaped like the bundled file; see {@link #load(List)}. */
  public static PrefetchTemplates parse(InputStream json, List<String> labCodeTokens) throws IOException {
    String labCodes = joinLabCodes(labCodeTokens);
    JsonNode root = new ObjectMapper().readTree(json);
    JsonNode items = root == null ? null : root.get("templates");
    if (items == null || !items.isArray()) {
      throw new IllegalArgumentException("prefetch templates: 'templates' must be an array");
    }
    List<PrefetchTemplate> templates = new ArrayList<>();
    for (JsonNode item : items) {
      templates.add(
          new PrefetchTemplate(
              requireText(item, "key"),
              requireText(item, "query").replace(LAB_CODES, labCodes),
              item.path("required").asBoolean(false),
              item.path("description").asText("")));
    }
    return of(templates);
  }

  /** Templates given in code, in discovery order. */
  public static PrefetchTemplates of(List<PrefetchTemplate> templates) {
    return new PrefetchTemplates(templates);
  }

  public List<PrefetchTemplate> all() {
    return List.copyOf(byKey.values());
  }

  public Optional<PrefetchTemplate> find(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  public Set<String> keys() {
    return byKey.keySet();
  }

  /** The keys marked {@code required}: the default for a service that declares nothing else. */
  public Set<String> requiredKeys() {
    Set<String> keys = new LinkedHashSet<>();
    byKey.values().stream().filter(PrefetchTemplate::required).forEach(t -> keys.add(t.key()));
    return Collections.unmodifiableSet(keys);
  }

  /** Key to query, in file order: the {@code prefetch} object of a discovery entry. */
  public Map<String, String> discovery() {
    Map<String, String> map = new LinkedHashMap<>();
    byKey.values().forEach(t -> map.put(t.key(), t.query()));
    return Collections.unmodifiableMap(map);
  }

  private static String joinLabCodes(List<String> labCodeTokens) {
    if (labCodeTokens.isEmpty()) {
      throw new IllegalArgumentException("labCodeTokens must name at least one system|code");
    }
    for (String token : labCodeTokens) {
      if (!CODE_TOKEN.matcher(token).matches()) {
        throw new IllegalArgumentException("lab code token must look like system|code: " + token);
      }
    }
    return String.join(",", new LinkedHashSet<>(labCodeTokens));
  }

  private static String requireText(JsonNode item, String field) {
    JsonNode node = item.get(field);
    if (node == null || !node.isTextual() || node.textValue().isBlank()) {
      throw new IllegalArgumentException("prefetch templates: every template needs a '" + field + "'");
    }
    return node.textValue();
  }

  @Override
  public String toString() {
    return "PrefetchTemplates" + byKey.keySet();
  }
}
