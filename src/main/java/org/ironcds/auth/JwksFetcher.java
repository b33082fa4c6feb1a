package org.ironcds.auth;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ironcds.httpclient.CappedBody;
import org.ironcds.httpclient.LazyHttpClient;

/**
 * Fetches a JWK Set over HTTP with a whole-exchange timeout, a body size cap and no redirects (a
 * redirect could lead anywhere, which the {@code jku} allow-list exists to prevent).
 */
final class JwksFetcher {
  static final int MAX_BYTES = 256 * 1024;

  private final LazyHttpClient client;
  private final Duration timeout;

  JwksFetcher(Duration timeout) {
    this.timeout = timeout;
    // Built on the first fetch: with local keys only there is none, and start-up need not wait.
    this.client = new LazyHttpClient(() -> HttpClient.newBuilder()
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build());
  }

  /** Fetches and parses the set at {@code url}, keeping only usable public signing keys. */
  JWKSet fetch(URI url) throws IOException, ParseException {
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Accept", "application/json, application/jwk-set+json")
        .GET()
        .build();
    CompletableFuture<HttpResponse<byte[]>> exchange =
        client.get().sendAsync(request,
            CappedBody.handler(MAX_BYTES, () -> new IOException("body larger than " + MAX_BYTES + " bytes")));
    HttpResponse<byte[]> response;
    try {
      response = exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + url, e);
    } catch (TimeoutException e) {
      exchange.cancel(true);
      throw new IOException("timed out after " + timeout + " fetching " + url, e);
    } catch (ExecutionException e) {
      throw new IOException("fetching " + url + " failed: " + e.getCause(), e.getCause());
    }
    if (response.statusCode() != 200) {
      throw new IOException("HTTP " + response.statusCode() + " from " + url);
    }
    return KeySetRules.usableKeys(JWKSet.parse(new String(response.body(), StandardCharsets.UTF_8)));
  }
}
