package org.ironcds.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the trusted-clients JSON format:
 *
 * <pre>{@code
 * {"clients": [{"iss": "...", "jwks": {...} | "jwksFile": "..." | "jwksUri": "https://...",
 *               "jku": ["https://..."], "tenant": "...", "algorithms": ["ES384", "RS384"],
 *               "description": "free text"}]}
 * }</pre>
 *
 * Unknown fields are errors, so a typo such as {@code jwks_uri} cannot silently drop a setting.
 */
final class TrustedClientsFile {
  private static final Set<String> FIELDS =
      Set.of("iss", "jwks", "jwksFile", "jwksUri", "jku", "tenant", "algorithms", "description");

  private final Path baseDir;

  TrustedClientsFile(Path baseDir) {
    this.baseDir = baseDir;
  }

  List<TrustedClient> parse(String json) {
    Map<String, Object> root;
    try {
      root = JSONObjectUtils.parse(json);
    } catch (ParseException e) {
      throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
    }
    if (!(root.get("clients") instanceof List<?> entries)) {
      throw new IllegalArgumentException("expected {\"clients\": [...]} at the top level");
    }
    List<TrustedClient> clients = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      clients.add(entry(i, entries.get(i)));
    }
    return clients;
  }

  private TrustedClient entry(int index, Object value) {
    String where = "clients[" + index + "]";
    try {
      if (!(value instanceof Map<?, ?> raw)) {
        throw new IllegalArgumentException("is not an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) raw;
      Optional<String> iss = optionalString(map, "iss");
      where += iss.map(s -> " (iss " + s + ")").orElse("");
      return client(map, iss.orElseThrow(() -> new IllegalArgumentException("iss is missing")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
    }
  }

  private TrustedClient client(Map<String, Object> map, String iss) {
    for (String field : map.keySet()) {
      if (!FIELDS.contains(field)) {
        throw new IllegalArgumentException("unknown field '" + field + "'; known fields: "
            + "iss, jwks, jwksFile, jwksUri, jku, tenant, algorithms, description");
      }
    }
    return new TrustedClient(
        iss,
        optionalString(map, "tenant"),
        keys(map),
        strings(map, "jku").stream().map(s -> uri(s, "jku")).toList(),
        algorithms(map));
  }

  private Optional<JwksSource> keys(Map<String, Object> map) {
    long given = Set.of("jwks", "jwksFile", "jwksUri").stream().filter(map::containsKey).count();
    if (given > 1) {
      throw new IllegalArgumentException("give only one of jwks, jwksFile and jwksUri");
    }
    if (map.containsKey("jwks")) {
      return Optional.of(new JwksSource.Inline(inlineKeys(map.get("jwks"))));
    }
    Optional<String> file = optionalString(map, "jwksFile");
    if (file.isPresent()) {
      JwksSource.FromFile source = new JwksSource.FromFile(baseDir.resolve(file.get()).normalize());
      readFile(source);
      return Optional.of(source);
    }
    return optionalString(map, "jwksUri").map(s -> new JwksSource.FromUrl(uri(s, "jwksUri")));
  }

  private static JWKSet inlineKeys(Object value) {
    if (!(value instanceof Map<?, ?>)) {
      throw new IllegalArgumentException("jwks is not a JWK Set object");
    }
    try {
      @SuppressWarnings("unchecked")
      Map<String, Object> jwks = (Map<String, Object>) value;
      return JWKSet.parse(jwks);
    } catch (ParseException e) {
      throw new IllegalArgumentException("jwks is not a valid JWK Set: " + e.getMessage(), e);
    }
  }

  /** Reads a JWK Set file now so that a missing or broken file fails at startup. */
  static JWKSet readFile(JwksSource.FromFile source) {
    try {
      return KeySetRules.requirePublicSigningKeys(JWKSet.load(source.path().toFile()));
    } catch (IOException e) {
      throw new IllegalArgumentException("jwksFile " + source.path() + " cannot be read: " + e, e);
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          "jwksFile " + source.path() + " is not a valid JWK Set: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("jwksFile " + source.path() + ": " + e.getMessage(), e);
    }
  }

  private static Set<JWSAlgorithm> algorithms(Map<String, Object> map) {
    if (!map.containsKey("algorithms")) {
      return TrustedClient.DEFAULT_ALGORITHMS;
    }
    List<JWSAlgorithm> algorithms = new ArrayList<>();
    for (String name : strings(map, "algorithms")) {
      JWSAlgorithm alg = JWSAlgorithm.parse(name);
      if (!TrustedClient.isAsymmetric(alg)) {
        throw new IllegalArgumentException("algorithm " + name
            + " is not allowed: only RSA and EC signature algorithms (never none or HMAC)");
      }
      algorithms.add(alg);
    }
    return Set.copyOf(algorithms);
  }

  private static URI uri(String value, String field) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(field + " " + value + " is not a URL", e);
    }
  }

  private static Optional<String> optionalString(Map<String, Object> map, String field) {
    Object value = map.get(field);
    if (value == null) {
      return Optional.empty();
    }
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException(field + " is not a string");
    }
    return Optional.of(s);
  }

  private static List<String> strings(Map<String, Object> map, String field) {
    Object value = map.get(field);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException(field + " is not an array of strings");
    }
    List<String> strings = new ArrayList<>();
    for (Object item : list) {
      if (!(item instanceof String s)) {
        throw new IllegalArgumentException(field + " is not an array of strings");
      }
      strings.add(s);
    }
    return strings;
  }
}
