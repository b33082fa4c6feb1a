package org.ironcds.cdsservice;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.ironcds.cdshooks.HookRequest;
import org.ironcds.chart.PatientChart;
import org.ironcds.chart.fhir.ChartAssembler;
import org.ironcds.knowledge.Advisor;
import org.ironcds.metrics.Metrics;
import org.ironcds.prefetch.PrefetchData;
import org.ironcds.prefetch.PrefetchResolver;

/**
 * The clinical work of one IV-iron call: get the patient's history (prefetch, else the EHR's FHIR
 * server), assemble the chart, run the rules, write the cards. Shared by both hooks; order-select
 * narrowing to the selected orders happens in the chart, from {@code context.selections}.
 */
public final class IronIvPipeline implements CallPipeline {
  private final PrefetchResolver resolver;
  private final ChartAssembler assembler;
  private final Advisor advisor;
  private final Metrics metrics;
  private final String serviceId;
  private final WarmUpGate gate;

  /** {@code gate} holds back the CPU work (not the FHIR fetches) while the JIT warms up. */
  public IronIvPipeline(String serviceId, PrefetchResolver resolver, ChartAssembler assembler, Advisor advisor,
      Metrics metrics, WarmUpGate gate) {
    this.serviceId = Objects.requireNonNull(serviceId, "serviceId == null");
    this.resolver = Objects.requireNonNull(resolver, "resolver == null");
    this.assembler = Objects.requireNonNull(assembler, "assembler == null");
    this.advisor = Objects.requireNonNull(advisor, "advisor == null");
    this.metrics = Objects.requireNonNull(metrics, "metrics == null");
    this.gate = Objects.requireNonNull(gate, "gate == null");
  }

  @Override
  public List<AdvisedCard> advise(HookRequest request, Instant now) {
    PrefetchData data = resolver.resolve(request);
    List<AdvisedCard> cards = gate.run(() -> {
      PatientChart chart = assembler.assemble(request.context(), data.resources(), now);
      return advisor.advise(chart, now).stream()
          .map(advice -> new AdvisedCard(advice.ruleId(), advice.card()))
          .toList();
    });
    cards.forEach(c -> metrics.cardIssued(serviceId, c.ruleId(), c.card().indicator().code()));
    return cards;
  }
}
