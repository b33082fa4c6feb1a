package org.ironcds.http;

import java.util.Set;
import org.ironcds.cdshooks.CdsClient;

/**
 * One route of the server: a path template, the methods it answers, whether callers must present
 * a CDS client JWT, and the handling itself. Implementations must be safe for concurrent use.
 */
public interface Endpoint {
  /** A template such as {@code /cds-services/{id}}; segments in braces are parameters. */
  String pathTemplate();

  Set<String> methods();

  /** True when the caller must authenticate as a CDS client (EHR) before anything is read. */
  boolean requiresClientAuthentication();

  /**
   * Handles a request whose path and method matched.
   *
   * @param client the authenticated client, or {@link CdsClient#UNAUTHENTICATED}
   */
  Reply handle(Exchange exchange, CdsClient client) throws Exception;
}
