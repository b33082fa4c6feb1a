package org.ironcds.http;

import org.ironcds.cdshooks.CdsClient;
import org.ironcds.cdshooks.CdsHooksJson;
import org.ironcds.cdsservice.ServiceCatalog;

/** {@code GET /cds-services}: the discovery document. Encoded once; it never changes at run time. */
final class DiscoveryEndpoint implements Endpoint {
  private static final Route ROUTE = Route.forClients("/cds-services", "GET");
  private final byte[] body;

  DiscoveryEndpoint(ServiceCatalog catalog, CdsHooksJson json) {
    this.body = json.write(catalog.discovery());
  }

  @Override
  public Route route() {
    return ROUTE;
  }

  @Override
  public Reply handle(Exchange exchange, CdsClient client) {
    return Reply.json(200, body);
  }
}
