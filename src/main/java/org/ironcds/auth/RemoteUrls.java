package org.ironcds.auth;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/** The rule for URLs this package will fetch keys from: https, or http on loopback for tests. */
final class RemoteUrls {
  private RemoteUrls() {}

  static URI requireFetchable(URI url, String field) {
    Objects.requireNonNull(url, field + " == null");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    String host = url.getHost();
    if (!url.isAbsolute() || host == null || host.isEmpty()) {
      throw new IllegalArgumentException(field + " " + url + " is not an absolute http(s) URL");
    }
    if (url.getRawUserInfo() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException(field + " " + url + " must not have user info or a fragment");
    }
    boolean https = scheme.equals("https");
    boolean loopbackHttp = scheme.equals("http") && StartupGuard.isLoopback(host);
    if (!https && !loopbackHttp) {
      throw new IllegalArgumentException(
          field + " " + url + " must use https (plain http is accepted only on loopback)");
    }
    return url;
  }
}
