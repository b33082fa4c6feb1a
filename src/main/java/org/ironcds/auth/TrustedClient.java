package org.ironcds.auth;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A CDS client (an EHR) that hospital IT registered as allowed to call: its {@code iss}, where its
 * public keys come from, which {@code jku} URLs it may point at, its tenant and its algorithms.
 *
 * <p>At least one key location must be known: a configured {@link JwksSource}, or one allowed
 * {@code jku}. Only asymmetric signature algorithms (RSA and EC families) can be allowed; {@code
 * none} and HMAC are rejected here, when the configuration is loaded.
 *
 * @param issuer the exact {@code iss} the client puts in its tokens
 * @param tenant if present, every token must carry exactly this {@code tenant} claim
 * @param keys the client's JWK Set, configured out of band
 * @param allowedJku the only {@code jku} header values accepted; anything else is refused before
 *     any fetch
 * @param algorithms the {@code alg} values accepted
 */
public record TrustedClient(
    String issuer,
    Optional<String> tenant,
    Optional<JwksSource> keys,
    List<URI> allowedJku,
    Set<JWSAlgorithm> algorithms) {

  /** The algorithms the CDS Hooks spec recommends; used when a client lists none. */
  public static final Set<JWSAlgorithm> DEFAULT_ALGORITHMS =
      Set.of(JWSAlgorithm.ES384, JWSAlgorithm.RS384);

  public TrustedClient {
    Objects.requireNonNull(issuer, "issuer == null");
    if (issuer.isBlank()) {
      throw new IllegalArgumentException("iss is blank");
    }
    Objects.requireNonNull(tenant, "tenant == null");
    if (tenant.filter(String::isBlank).isPresent()) {
      throw new IllegalArgumentException("tenant is blank");
    }
    Objects.requireNonNull(keys, "keys == null");
    allowedJku = List.copyOf(Objects.requireNonNull(allowedJku, "allowedJku == null"));
    allowedJku.forEach(url -> RemoteUrls.requireFetchable(url, "jku"));
    if (keys.isEmpty() && allowedJku.isEmpty()) {
      throw new IllegalArgumentException(
          "no keys: give one of jwks, jwksFile or jwksUri, or allow at least one jku");
    }
    algorithms = Set.copyOf(Objects.requireNonNull(algorithms, "algorithms == null"));
    if (algorithms.isEmpty()) {
      throw new IllegalArgumentException("algorithms is empty");
    }
    algorithms.forEach(TrustedClient::requireAsymmetric);
  }

  /** A client with no tenant, no {@code jku} and the default algorithms. */
  public static TrustedClient of(String issuer, JwksSource keys) {
    return new TrustedClient(issuer, Optional.empty(), Optional.of(keys), List.of(),
        DEFAULT_ALGORITHMS);
  }

  /**
   * Whether {@code alg} is a public-key signature algorithm this package can verify: RSA or EC.
   * ES256K is left out because JDK 17 no longer ships the secp256k1 curve.
   */
  static boolean isAsymmetric(JWSAlgorithm alg) {
    return JWSAlgorithm.Family.RSA.contains(alg)
        || (JWSAlgorithm.Family.EC.contains(alg) && !alg.equals(JWSAlgorithm.ES256K));
  }

  private static void requireAsymmetric(JWSAlgorithm alg) {
    Objects.requireNonNull(alg, "algorithm == null");
    if (!isAsymmetric(alg)) {
      throw new IllegalArgumentException("algorithm " + alg.getName()
          + " is not allowed: only RSA and EC signature algorithms (never none or HMAC)");
    }
  }
}
