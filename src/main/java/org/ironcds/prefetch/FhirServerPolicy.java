package org.ironcds.prefetch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which FHIR servers the service may call with a client's token. A request's {@code fhirServer} is
 * chosen by whoever sends the request, so calling it unchecked would let any caller point the
 * service (and the EHR's token) at an address of their choice.
 *
 * <p>Each entry is either an exact origin ({@code https://ehr.example.org}), which allows every
 * path on that scheme, host and port, or a URL prefix ({@code https://ehr.example.org/fhir/}),
 * which allows that path and below it only. Comparison is on the parsed, normalised URL: scheme
 * and host are case-insensitive, default ports are explicit, and URLs with user info, {@code ..}
 * segments, encoded slashes or dots, queries or fragments are refused. An empty policy allows
 * nothing. Instances are immutable.
 */
public final class FhirServerPolicy {
  private final List<Entry> entries;

  private FhirServerPolicy(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  /**
   * A policy allowing the given origins and prefixes.
   *
   * @throws IllegalArgumentException naming the first entry that is not an absolute http(s) URL
   */
  public static FhirServerPolicy of(List<String> allowed) {
    return new FhirServerPolicy(allowed.stream().map(Entry::parse).toList());
  }

  /** True if the service may send a token to {@code url}. */
  public boolean allows(URI url) {
    Optional<Target> target = Target.of(url);
    return target.isPresent() && entries.stream().anyMatch(entry -> entry.matches(target.get()));
  }

  /** True if both URLs have the same scheme, host and port. */
  static boolean sameOrigin(URI a, URI b) {
    Optional<Target> first = Target.of(a);
    Optional<Target> second = Target.of(b);
    return first.isPresent() && second.isPresent() && first.get().origin().equals(second.get().origin());
  }

  @Override
  public String toString() {
    return "FhirServerPolicy" + entries.stream().map(Entry::text).toList();
  }

  /** A candidate URL, parsed and normalised; empty if it is not a plain http(s) URL. */
  private record Target(String origin, String path) {
    static Optional<Target> of(URI url) {
      if (!url.isAbsolute() || url.isOpaque() || url.getRawUserInfo() != null || url.getHost() == null) {
        return Optional.empty();
      }
      String scheme = url.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("https") && !scheme.equals("http")) {
        return Optional.empty();
      }
      String rawPath = url.getRawPath() == null ? "" : url.getRawPath();
      String lowerPath = rawPath.toLowerCase(Locale.ROOT);
      if (lowerPath.contains("%2e") || lowerPath.contains("%2f") || lowerPath.contains("%5c")
          || rawPath.contains("\\") || hasDotSegment(rawPath)) {
        return Optional.empty();
      }
      int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
      String host = url.getHost().toLowerCase(Locale.ROOT);
      if (host.endsWith(".")) {
        host = host.substring(0, host.length() - 1);
      }
      String path = rawPath.endsWith("/") ? rawPath : rawPath + "/";
      return Optional.of(new Target(scheme + "://" + host + ":" + port, path));
    }

    private static boolean hasDotSegment(String path) {
      for (String segment : path.split("/", -1)) {
        if (segment.equals("..") || segment.equals(".")) {
          return true;
        }
      }
      return false;
    }
  }

  /** One configured origin or prefix. */
  private record Entry(String text, Target target, boolean originOnly) {
    static Entry parse(String text) {
      try {
        URI url = new URI(text.trim());
        if (url.getRawUserInfo() != null) {
          // Not quoted: user info in a URL is usually a password.
          throw new IllegalArgumentException("allowed FHIR server must not contain user info (host " + url.getHost() + ")");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null) {
          throw new IllegalArgumentException("allowed FHIR server must not have a query or fragment: " + text);
        }
        Target target =
            Target.of(url)
                .orElseThrow(
                    () -> new IllegalArgumentException("allowed FHIR server must be an absolute http(s) URL: " + text));
        return new Entry(text, target, target.path().equals("/"));
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException("allowed FHIR server is not a URL: " + text, e);
      }
    }

    boolean matches(Target candidate) {
      return target.origin().equals(candidate.origin())
          && (originOnly || candidate.path().startsWith(target.path()));
    }
  }
}
