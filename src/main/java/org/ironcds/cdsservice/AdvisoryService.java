package org.ironcds.cdsservice;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.ironcds.cdshooks.CdsClient;
import org.ironcds.cdshooks.CdsResponse;
import org.ironcds.cdshooks.HookRequest;
import org.ironcds.cdshooks.ServiceDescriptor;

/**
 * A CDS service that answers its hook by running a {@link CallPipeline} and records every card it
 * issues, so feedback can later be attributed to the rule behind it.
 */
public final class AdvisoryService implements CdsService {
  private final ServiceDescriptor descriptor;
  private final CallPipeline pipeline;
  private final IssuedCardLog issuedCards;
  private final Clock clock;

  public AdvisoryService(ServiceDescriptor descriptor, CallPipeline pipeline, IssuedCardLog issuedCards, Clock clock) {
    this.descriptor = Objects.requireNonNull(descriptor, "descriptor == null");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline == null");
    this.issuedCards = Objects.requireNonNull(issuedCards, "issuedCards == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  @Override
  public ServiceDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public CdsResponse call(HookRequest request, CdsClient client) {
    Instant now = clock.instant();
    List<AdvisedCard> advised = pipeline.advise(request, now);
    if (!advised.isEmpty()) {
      issuedCards.record(advised.stream()
          .map(a -> new IssuedCard(descriptor.id(), a.ruleId(), request.hookInstance(), client, a.card(), now))
          .toList());
    }
    return CdsResponse.of(advised.stream().map(AdvisedCard::card).toList());
  }
}
