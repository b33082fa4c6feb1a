package org.ironcds.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.ECKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Turns fuzzer input into {@code Authorization} header values that reach every check: none at
 * all, raw junk, a valid token with one character changed, a token signed by a stranger, and
 * tokens validly signed by the trusted key over a payload the fuzzer shapes, so the claim checks
 * behind the signature see hostile types and values too.
 */
final class FuzzTokens {
  static final int KINDS = 7;
  private static final ECKey STRANGER = TestKeys.ec(TestKeys.EC.getKeyID());

  private FuzzTokens() {}

  static Optional<String> header(int kind, String material, long number, String audience,
      Instant now) {
    switch (Math.floorMod(kind, KINDS)) {
      case 0:
        return Optional.empty();
      case 1:
        return Optional.of("Bearer " + material);
      case 2:
        return Optional.of(material);
      case 3:
        return Optional.of("Bearer " + mutate(valid(TestKeys.EC, audience, now), material, number));
      case 4:
        return Optional.of("Bearer " + valid(STRANGER, audience, now));
      case 5:
        return Optional.of("Bearer " + signedPayload(shapedClaims(material, number, audience, now)));
      default:
        return Optional.of("Bearer " + signedPayload(material));
    }
  }

  private static String valid(ECKey key, String audience, Instant now) {
    return Tokens.es384(key, now).audience(List.of(audience)).sign();
  }

  private static String mutate(String token, String material, long number) {
    if (material.isEmpty()) {
      return token;
    }
    int at = (int) Math.floorMod(number, (long) token.length());
    return token.substring(0, at) + material.charAt(0) + token.substring(at + 1);
  }

  /** A claims set with the right issuer whose other members the fuzzer writes as raw JSON. */
  private static String shapedClaims(String material, long number, String audience, Instant now) {
    String[] parts = material.split("\u0001", -1);
    String aud = part(parts, 0, "\"" + audience + "\"");
    String exp = part(parts, 1, Long.toString(now.getEpochSecond() + Math.floorMod(number, 600)));
    String iat = part(parts, 2, Long.toString(now.getEpochSecond()));
    String jti = part(parts, 3, "\"" + number + "\"");
    String extra = part(parts, 4, "\"tenant\": \"t\"");
    return "{\"iss\": \"" + Tokens.ISSUER + "\", \"aud\": " + aud + ", \"exp\": " + exp
        + ", \"iat\": " + iat + ", \"jti\": " + jti + ", " + extra + "}";
  }

  private static String part(String[] parts, int index, String fallback) {
    return parts.length > index && !parts[index].isEmpty() ? parts[index] : fallback;
  }

  /** Signs any payload bytes with the trusted key, so only the claim checks can refuse it. */
  private static String signedPayload(String payload) {
    JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.ES384)
        .keyID(TestKeys.EC.getKeyID()).type(JOSEObjectType.JWT).build(), new Payload(payload));
    try {
      jws.sign(new ECDSASigner(TestKeys.EC));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jws.serialize();
  }
}
