package org.ironcds.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Takes the compact JWS out of an {@code Authorization: Bearer …} header value. */
final class BearerToken {
  /** Tokens from real EHRs are well under 2 KiB; anything this big is refused unparsed. */
  static final int MAX_CHARS = 8 * 1024;

  private static final Pattern COMPACT_JWS =
      Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  private BearerToken() {}

  static String extract(Optional<String> header) {
    String value = header.map(String::strip).orElse("");
    if (value.isEmpty()) {
      throw new AuthenticationException("missing_token", "no Authorization header");
    }
    if (value.length() > MAX_CHARS + 7) {
      throw new AuthenticationException("malformed", "Authorization header longer than "
          + MAX_CHARS + " characters");
    }
    int space = indexOfWhitespace(value);
    if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
      throw new AuthenticationException("missing_token", "Authorization scheme is not Bearer");
    }
    String token = value.substring(space).strip();
    if (!COMPACT_JWS.matcher(token).matches()) {
      throw new AuthenticationException("malformed", "bearer token is not a compact JWS");
    }
    return token;
  }

  private static int indexOfWhitespace(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}
