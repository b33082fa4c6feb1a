package org.ironcds.auth;

import com.nimbusds.jose.jwk.JWK;
import java.net.URI;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the verification key for a token: first in the client's configured key set, then, if the
 * token names an allowed {@code jku}, in the set published there.
 *
 * <p>Every key set is created up front from the configuration, so no token can make this class
 * open a URL that hospital IT did not list. Sets fetched from the same URL are shared.
 */
final class KeyResolver {
  private final Map<String, KeySet> configured = new HashMap<>();
  private final Map<URI, KeySet> byUrl = new HashMap<>();

  KeyResolver(TrustedClients clients, AuthOptions options, Clock clock) {
    JwksFetcher fetcher = new JwksFetcher(options.fetchTimeout());
    for (TrustedClient client : clients.all()) {
      client.keys().ifPresent(source ->
          configured.put(client.issuer(), keySet(source, fetcher, options, clock)));
      for (URI jku : client.allowedJku()) {
        byUrl.computeIfAbsent(jku, url -> remote(url, fetcher, options, clock));
      }
    }
  }

  /**
   * The key with {@code kid} for {@code client}. {@code jku} must already be on the client's
   * allow-list.
   */
  Optional<JWK> find(TrustedClient client, Optional<URI> jku, String kid) {
    Optional<JWK> key = Optional.ofNullable(configured.get(client.issuer()))
        .flatMap(keys -> keys.find(kid));
    if (key.isPresent() || jku.isEmpty()) {
      return key;
    }
    return Optional.ofNullable(byUrl.get(jku.get())).flatMap(keys -> keys.find(kid));
  }

  private KeySet keySet(JwksSource source, JwksFetcher fetcher, AuthOptions options, Clock clock) {
    if (source instanceof JwksSource.Inline inline) {
      return KeySet.fixed(inline.keys());
    }
    if (source instanceof JwksSource.FromFile file) {
      return new RefreshingKeySet(file.path().toString(), () -> TrustedClientsFile.readFile(file),
          options.jwksRefreshInterval(), options.jwksMaxAge(), clock);
    }
    URI url = ((JwksSource.FromUrl) source).uri();
    return byUrl.computeIfAbsent(url, u -> remote(u, fetcher, options, clock));
  }

  private static KeySet remote(URI url, JwksFetcher fetcher, AuthOptions options, Clock clock) {
    return new RefreshingKeySet(url.toString(), () -> fetcher.fetch(url),
        options.jwksRefreshInterval(), options.jwksMaxAge(), clock);
  }
}
