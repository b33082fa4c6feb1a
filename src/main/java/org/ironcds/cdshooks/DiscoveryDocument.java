package org.ironcds.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The body of {@code GET /cds-services}. */
public record DiscoveryDocument(@JsonInclude(JsonInclude.Include.ALWAYS) List<ServiceDescriptor> services) {
  public DiscoveryDocument {
    services = List.copyOf(services);
  }
}
