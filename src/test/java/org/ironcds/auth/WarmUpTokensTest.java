package org.ironcds.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bundled warm-up tokens: all still pass, and the bundle holds no private key. */
class WarmUpTokensTest {
  @Test
  void everyBundledTokenPasses() {
    assertThat(AuthWarmUp.run()).isEqualTo(8);
  }

  @Test
  void theBundleHoldsPublicKeysOnly() throws Exception {
    Map<String, Object> bundle;
    try (InputStream in = AuthWarmUp.class.getResourceAsStream("/warmup/tokens.json")) {
      bundle = JSONObjectUtils.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    JWKSet keys = JWKSet.parse(JSONObjectUtils.getJSONObject(bundle, "jwks"));
    assertThat(keys.getKeys()).hasSize(2).noneMatch(JWK::isPrivate);
    assertThat(bundle.get("issuer")).isEqualTo(AuthWarmUp.ISSUER);
  }
}
