package org.ironcds.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.Optional;

/** One client key set, looked up by {@code kid}. Implementations are safe for concurrent use. */
interface KeySet {
  /** The key with this {@code kid}, possibly after refreshing the set; empty if there is none. */
  Optional<JWK> find(String kid);

  /** A key set that never changes (keys written inline in the configuration). */
  static KeySet fixed(JWKSet keys) {
    return kid -> Optional.ofNullable(keys.getKeyByKeyId(kid));
  }
}
