package org.ironcds.http;

import org.ironcds.cdshooks.CdsClient;

/** One route of the server and its handling. Implementations must be safe for concurrent use. */
public interface Endpoint {
  Route route();

  /**
   * Handles a request whose path and method matched.
   *
   * @param client the authenticated client, or {@link CdsClient#UNAUTHENTICATED}
   */
  Reply handle(Exchange exchange, CdsClient client) throws Exception;
}
