package org.ironcds.auth;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What checking a client's JWT costs per call, by signature algorithm: the first checks in a fresh
 * JVM and the CPU time of the last 2,000 of {@code N} (each token new, as every hook call's is).
 * Not a test; the load benchmark runs with authentication off, so this is the part of a call it
 * leaves out (docs/performance.md).
 * {@code java -cp target/test-classes:target/classes:$(cat target/test.classpath)
 * org.ironcds.auth.JwtVerifyBench es384|rs384 [N [after-warm-up]]}; with {@code after-warm-up} the
 * bundled warm-up tokens are checked first, as the service does before ready ({@link AuthWarmUp}).
 */
public final class JwtVerifyBench {
  private JwtVerifyBench() {}

  public static void main(String[] args) throws Exception {
    boolean rsa = args[0].equals("rs384");
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    JWK key = rsa ? new RSAKeyGenerator(2048).keyID("k1").generate()
        : new ECKeyGenerator(Curve.P_384).keyID("k1").generate();
    TrustedClients clients = TrustedClients.of(List.of(
        TrustedClient.of(Tokens.ISSUER, new JwksSource.Inline(new JWKSet(key.toPublicJWK())))));
    JwtAuthenticator authenticator = new JwtAuthenticator(AuthOptions.defaults(clients).withReplayCacheSize(n));
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Instant now = Instant.now();
      tokens.add(rsa ? Tokens.rs384((RSAKey) key, now).sign() : Tokens.es384((ECKey) key, now).sign());
    }
    if (args.length > 2 && args[2].equals("after-warm-up")) {
      AuthWarmUp.run(); // as the service does before ready when authentication is on
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    double[] firstMillis = new double[3];
    long lastStart = 0;
    for (int i = 0; i < n; i++) {
      if (i == n - 2000) {
        lastStart = threads.getCurrentThreadCpuTime();
      }
      long started = System.nanoTime();
      authenticator.authenticate(Tokens.SERVICE_URL, Optional.of(Tokens.bearer(tokens.get(i))));
      if (i < firstMillis.length) {
        firstMillis[i] = (System.nanoTime() - started) / 1e6;
      }
    }
    System.out.printf("%s: checks 1-3 %.2f / %.2f / %.2f ms; last 2,000 of %,d: %.0f us CPU each%n", args[0],
        firstMillis[0], firstMillis[1], firstMillis[2], n,
        (threads.getCurrentThreadCpuTime() - lastStart) / 1e3 / 2000);
  }
}
