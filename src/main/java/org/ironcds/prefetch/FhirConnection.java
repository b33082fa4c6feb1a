package org.ironcds.prefetch;

import java.net.URI;

/**
 * The FHIR server of one hook call and the token it lent. Lives for that call only;
 * {@link #toString()} leaves the token out.
 */
record FhirConnection(URI base, String accessToken, FhirServerPolicy policy) {
  /** The absolute URL of a relative read or search, such as {@code Patient/123}. */
  URI resolve(String relative) {
    String text = base.toString();
    String root = text.endsWith("/") ? text : text + "/";
    return URI.create(root + relative);
  }

  /** True if a {@code next} link may be followed with this token: same server, still allowed. */
  boolean mayFollow(URI next) {
    return FhirServerPolicy.sameOrigin(base, next) && policy.allows(next);
  }

  /** The host, the only part of the server that log lines name. */
  String host() {
    return base.getHost();
  }

  @Override
  public String toString() {
    return "FhirConnection[host=" + host() + ", accessToken=<redacted>]";
  }
}
