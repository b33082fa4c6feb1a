package org.ironcds.cdshooks;

import java.util.Objects;
import java.util.Optional;

/**
 * The authenticated CDS client (the EHR) behind a call: its JWT {@code iss} and optional {@code
 * tenant}. {@link #UNAUTHENTICATED} stands for local trial mode, where no token is checked.
 */
public record CdsClient(String issuer, Optional<String> tenant) {
  public static final CdsClient UNAUTHENTICATED = new CdsClient("unauthenticated", Optional.empty());

  public CdsClient {
    Coding.requireText(issuer, "issuer");
    Objects.requireNonNull(tenant, "tenant == null");
  }
}
