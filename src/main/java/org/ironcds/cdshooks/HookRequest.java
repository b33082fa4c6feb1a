package org.ironcds.cdshooks;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A validated hook call. Built only by {@link CdsHooksJson#readHookRequest}, so every instance has
 * the required fields and a context that fits its hook.
 */
public record HookRequest(
    Hook hook,
    String hookInstance,
    Optional<URI> fhirServer,
    Optional<FhirAuthorization> fhirAuthorization,
    OrderContext context,
    Prefetch prefetch) {
  public HookRequest {
    Objects.requireNonNull(hook, "hook == null");
    Coding.requireText(hookInstance, "hookInstance");
    Objects.requireNonNull(fhirServer, "fhirServer == null");
    Objects.requireNonNull(fhirAuthorization, "fhirAuthorization == null");
    Objects.requireNonNull(context, "context == null");
    Objects.requireNonNull(prefetch, "prefetch == null");
  }
}
