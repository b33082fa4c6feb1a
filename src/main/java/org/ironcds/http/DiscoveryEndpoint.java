package org.ironcds.http;

import java.util.Set;
import org.ironcds.cdshooks.CdsClient;
import org.ironcds.cdshooks.CdsHooksJson;
import org.ironcds.cdsservice.ServiceCatalog;

/** {@code GET /cds-services}: the discovery document. Encoded once; it never changes at run time. */
final class DiscoveryEndpoint implements Endpoint {
  private final byte[] body;

  DiscoveryEndpoint(ServiceCatalog catalog, CdsHooksJson json) {
    this.body = json.write(catalog.discovery());
  }

  @Override
  public String pathTemplate() {
    return "/cds-services";
  }

  @Override
  public Set<String> methods() {
    return Set.of("GET");
  }

  @Override
  public boolean requiresClientAuthentication() {
    return true;
  }

  @Override
  public Reply handle(Exchange exchange, CdsClient client) {
    return Reply.json(200, body);
  }
}
