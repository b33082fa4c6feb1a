package org.ironcds.cdshooks;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** Where a card's advice comes from. {@code url} and {@code icon} must be absolute. */
public record Source(String label, Optional<URI> url, Optional<URI> icon, Optional<Coding> topic) {
  public Source {
    Coding.requireText(label, "label");
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(icon, "icon == null");
    Objects.requireNonNull(topic, "topic == null");
    url.ifPresent(u -> requireAbsolute(u, "source.url"));
    icon.ifPresent(u -> requireAbsolute(u, "source.icon"));
  }

  public static Source of(String label, URI url) {
    return new Source(label, Optional.of(url), Optional.empty(), Optional.empty());
  }

  static void requireAbsolute(URI uri, String name) {
    if (!uri.isAbsolute()) {
      throw new IllegalArgumentException(name + " must be an absolute URL: " + uri);
    }
  }
}
