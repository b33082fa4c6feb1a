package org.ironcds.chart.fhir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ironcds.cdshooks.OrderContext;
import org.ironcds.chart.DraftOrder;
import org.ironcds.chart.LabResult;
import org.ironcds.chart.MedicationUse;
import org.ironcds.chart.PatientChart;

/**
 * Builds the {@link PatientChart} of one hook call from the order context and the prefetched (or
 * fetched) FHIR R4 resources.
 *
 * <p>Resources arrive as Jackson trees, already parsed once. They are sorted with cheap Jackson
 * checks first (resource type; Observation code against the lab codes given at construction;
 * cancelled observations). Everything is read from the nodes directly (see {@link DraftOrderMapper},
 * {@link MedicationMapper} and {@link ObservationMapper}): no HAPI object is built on the request
 * path. Immutable and safe for concurrent use.
 */
public final class ChartAssembler {
  private final Map<String, Set<String>> observationCodes;

  /**
   * @param observationCodes the {@code system|code} tokens of the observations worth reading (the
   *     lab value sets and body weight); other observations are skipped unread
   */
  public ChartAssembler(Collection<String> observationCodes) {
    this.observationCodes = bySystem(observationCodes);
  }

  /**
   * Assembles the chart. {@code resources} are prefetch values or fetched results, each a resource
   * or a Bundle; null and missing nodes are skipped. {@code now} is the signing moment; it is not
   * used for filtering here, the rules judge every window against it.
   */
  public PatientChart assemble(OrderContext context, Iterable<JsonNode> resources, Instant now) {
    Objects.requireNonNull(context, "context == null");
    Objects.requireNonNull(resources, "resources == null");
    Objects.requireNonNull(now, "now == null");
    ResourcePool pool = new ResourcePool(observationCodes);
    resources.forEach(pool::add);
    ResourcePool drafts = new ResourcePool(Map.of());
    drafts.add(context.draftOrders());
    return new PatientChart(bare(context.patientId()), context.encounterId(), context.userId(),
        draftOrders(drafts, context, pool), medications(pool), labs(pool));
  }

  private static List<DraftOrder> draftOrders(ResourcePool drafts, OrderContext context, ResourcePool history) {
    // Draft orders may reference a Medication in the draft Bundle itself or in the prefetch.
    DraftOrderMapper mapper = new DraftOrderMapper(drafts.withFallback(history));
    List<DraftOrder> orders = new ArrayList<>();
    for (ObjectNode node : drafts.medicationUses) {
      if (node.path("resourceType").asText().equals("MedicationRequest")) {
        orders.add(mapper.map(node, context.selections()));
      }
    }
    return orders;
  }

  private static List<MedicationUse> medications(ResourcePool pool) {
    MedicationMapper mapper = new MedicationMapper(pool);
    List<MedicationUse> uses = new ArrayList<>();
    for (ObjectNode node : pool.medicationUses) {
      mapper.map(node).ifPresent(uses::add);
    }
    return uses;
  }

  private static List<LabResult> labs(ResourcePool pool) {
    List<LabResult> labs = new ArrayList<>();
    for (ObjectNode node : pool.observations) {
      ObservationMapper.map(node).ifPresent(labs::add);
    }
    return labs;
  }

  /** {@code system|code} tokens as codes by system, so a coding is checked without building its token. */
  private static Map<String, Set<String>> bySystem(Collection<String> tokens) {
    Map<String, Set<String>> codes = new HashMap<>();
    for (String token : tokens) {
      int bar = token.indexOf('|');
      if (bar < 0) {
        throw new IllegalArgumentException("not a system|code token: " + token);
      }
      codes.computeIfAbsent(token.substring(0, bar), s -> new HashSet<>()).add(token.substring(bar + 1));
    }
    codes.replaceAll((system, set) -> Set.copyOf(set));
    return Map.copyOf(codes);
  }

  /** The context may carry {@code 123} or {@code Patient/123}; the chart keeps the bare id. */
  private static String bare(String patientId) {
    return patientId.startsWith("Patient/") ? patientId.substring("Patient/".length()) : patientId;
  }
}
