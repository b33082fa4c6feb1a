package org.ironcds.cdshooks;

import com.fasterxml.jackson.annotation.JsonValue;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** A link on a card: an absolute URL, or a SMART app launch URL with optional appContext. */
public record Link(String label, URI url, Type type, Optional<String> appContext) {
  /** {@code absolute} links are opened as they are; {@code smart} links are SMART launches. */
  public enum Type {
    ABSOLUTE("absolute"),
    SMART("smart");

    private final String code;

    Type(String code) {
      this.code = code;
    }

    @JsonValue
    public String code() {
      return code;
    }
  }

  public Link {
    Coding.requireText(label, "label");
    Objects.requireNonNull(url, "url == null");
    Objects.requireNonNull(type, "type == null");
    Objects.requireNonNull(appContext, "appContext == null");
    Source.requireAbsolute(url, "link.url");
    if (appContext.isPresent() && type != Type.SMART) {
      throw new IllegalArgumentException("appContext is allowed only on smart links");
    }
  }

  public static Link absolute(String label, URI url) {
    return new Link(label, url, Type.ABSOLUTE, Optional.empty());
  }
}
