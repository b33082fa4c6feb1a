package org.ironcds.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code src/main/resources/warmup/tokens.json} for {@link AuthWarmUp}: fresh EC P-384 and
 * RSA 2048 key pairs, their public keys, and tokens signed with each, all issued at one fixed
 * instant. The private keys are dropped when it exits, so the bundle can check nothing but itself.
 * {@code java -cp target/test-classes:target/classes:$(cat target/test.classpath)
 * org.ironcds.auth.WarmUpTokensGenerator src/main/resources/warmup/tokens.json}
 */
public final class WarmUpTokensGenerator {
  private static final int TOKENS_PER_KEY = 4;

  private WarmUpTokensGenerator() {}

  public static void main(String[] args) throws Exception {
    ECKey ec = new ECKeyGenerator(Curve.P_384).keyID("warm-up-ec").generate();
    RSAKey rsa = new RSAKeyGenerator(2048).keyID("warm-up-rsa").generate();
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < TOKENS_PER_KEY; i++) {
      tokens.add(sign(new SignedJWT(header(JWSAlgorithm.ES384, ec.getKeyID()), claims(tokens.size())), ec));
      tokens.add(sign(new SignedJWT(header(JWSAlgorithm.RS384, rsa.getKeyID()), claims(tokens.size())), rsa));
    }
    Map<String, Object> bundle = new LinkedHashMap<>();
    bundle.put("issuer", AuthWarmUp.ISSUER);
    bundle.put("audience", AuthWarmUp.AUDIENCE);
    bundle.put("at", AuthWarmUp.AT.toString());
    bundle.put("jwks", new JWKSet(List.of(ec.toPublicJWK(), rsa.toPublicJWK())).toJSONObject(true));
    bundle.put("tokens", tokens);
    Files.writeString(Path.of(args[0]), JSONObjectUtils.toJSONString(bundle) + "\n");
  }

  private static JWSHeader header(JWSAlgorithm alg, String kid) {
    return new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build();
  }

  private static JWTClaimsSet claims(int number) {
    Instant at = AuthWarmUp.AT;
    return new JWTClaimsSet.Builder().issuer(AuthWarmUp.ISSUER).audience(AuthWarmUp.AUDIENCE)
        .issueTime(Date.from(at)).expirationTime(Date.from(at.plusSeconds(300))).jwtID("warm-up-" + number).build();
  }

  private static String sign(SignedJWT jwt, ECKey key) throws Exception {
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
  }

  private static String sign(SignedJWT jwt, RSAKey key) throws Exception {
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
