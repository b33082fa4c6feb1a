package org.ironcds.cdsservice;

import org.ironcds.cdshooks.CdsClient;
import org.ironcds.cdshooks.CdsResponse;
import org.ironcds.cdshooks.HookRequest;
import org.ironcds.cdshooks.ServiceDescriptor;

/** One CDS service: its discovery entry and the answer to a hook call. Safe for concurrent use. */
public interface CdsService {
  ServiceDescriptor descriptor();

  /**
   * Answers one validated hook call.
   *
   * @throws org.ironcds.prefetch.MissingDataException when required data can be had neither from
   *     prefetch nor from the FHIR server (answered with 412)
   */
  CdsResponse call(HookRequest request, CdsClient client);
}
