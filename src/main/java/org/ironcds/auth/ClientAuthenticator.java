package org.ironcds.auth;

import java.util.Optional;
import org.ironcds.cdshooks.CdsClient;

/**
 * Decides who is calling. Implementations must be safe for concurrent use.
 */
public interface ClientAuthenticator {
  /**
   * Authenticates one request.
   *
   * @param audience the exact public URL of the endpoint being called (the JWT {@code aud})
   * @param authorizationHeader the raw {@code Authorization} header, if any
   * @return the authenticated client
   * @throws AuthenticationException if the request must be refused with 401
   */
  CdsClient authenticate(String audience, Optional<String> authorizationHeader);

  /** Local trial mode: every request is let through as {@link CdsClient#UNAUTHENTICATED}. */
  static ClientAuthenticator disabled() {
    return (audience, header) -> CdsClient.UNAUTHENTICATED;
  }
}
