package org.ironcds.auth;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** What a usable JWK Set looks like: public EC or RSA keys, each with a unique {@code kid}. */
final class KeySetRules {
  static final int MIN_RSA_BITS = 2048;

  private KeySetRules() {}

  /**
   * Rejects a configured key set that holds private or symmetric keys, keys without {@code kid},
   * duplicate {@code kid}s or short RSA keys. Hospital IT gets a message naming the problem.
   */
  static JWKSet requirePublicSigningKeys(JWKSet keys) {
    Objects.requireNonNull(keys, "keys == null");
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("JWK Set has no keys");
    }
    Set<String> kids = new HashSet<>();
    for (JWK key : keys.getKeys()) {
      String kid = key.getKeyID();
      if (kid == null || kid.isBlank()) {
        throw new IllegalArgumentException("a key has no kid");
      }
      if (key.isPrivate()) {
        throw new IllegalArgumentException("key " + kid
            + " contains private key material; configure the public key only (and replace this key)");
      }
      if (!isUsable(key)) {
        throw new IllegalArgumentException("key " + kid
            + " is not an EC or RSA (>= 2048 bit) signing key");
      }
      if (!kids.add(kid)) {
        throw new IllegalArgumentException("kid " + kid + " appears twice");
      }
    }
    return keys;
  }

  /**
   * Keeps the usable public signing keys of a fetched set and drops the rest, since a client may
   * publish encryption or other keys next to its signing keys.
   */
  static JWKSet usableKeys(JWKSet fetched) {
    List<JWK> keys = fetched.toPublicJWKSet().getKeys().stream()
        .filter(key -> key.getKeyID() != null && isUsable(key))
        .collect(Collectors.toList());
    return new JWKSet(keys);
  }

  static boolean isUsable(JWK key) {
    if (key.getKeyUse() != null && !key.getKeyUse().equals(KeyUse.SIGNATURE)) {
      return false;
    }
    if (key instanceof RSAKey rsa) {
      return rsa.size() >= MIN_RSA_BITS;
    }
    return key instanceof ECKey;
  }
}
