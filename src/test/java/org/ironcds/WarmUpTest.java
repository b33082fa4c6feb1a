package org.ironcds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ironcds.cdshooks.CdsHooksJson;
import org.ironcds.cdshooks.Hook;
import org.ironcds.cdsservice.AdvisedCard;
import org.ironcds.cdsservice.IronIvPipeline;
import org.ironcds.cdsservice.WarmUpGate;
import org.ironcds.config.AppConfig;
import org.ironcds.metrics.Metrics;
import org.ironcds.prefetch.PrefetchMetrics;
import org.ironcds.prefetch.PrefetchOptions;
import org.ironcds.prefetch.PrefetchResolver;
import org.junit.jupiter.api.Test;

/** The warm-up's own requests: the whole-chart request is as large as a real chart and a valid call. */
class WarmUpTest {
  private final CdsHooksJson json = new CdsHooksJson();

  @Test
  void wholeChartHoldsEveryExampleResourceOnceWithoutFhirServer() throws IOException {
    JsonNode chart = json.mapper().readTree(WarmUp.wholeChart().body());

    assertThat(chart.has("fhirServer")).as("the prefetch-only path").isFalse();
    assertThat(chart.path("prefetch").path("observations").path("entry").size()).isGreaterThanOrEqualTo(60);
    List<String> ids = new ArrayList<>();
    chart.path("prefetch").forEach(value -> value.path("entry").forEach(entry -> {
      JsonNode resource = entry.path("resource");
      if (!resource.path("resourceType").asText().equals("Medication")) {
        ids.add(resource.path("resourceType").asText() + "/" + resource.path("id").asText());
      }
    }));
    assertThat(ids).as("the chart keeps a resource once per type and id")
        .doesNotHaveDuplicates().hasSizeGreaterThan(70);
  }

  @Test
  void wholeChartIsAValidCallThatGivesCards() {
    Application.Clinical clinical = Application.Clinical.load(new AppConfig.Knowledge(Optional.empty()));
    IronIvPipeline pipeline = new IronIvPipeline("test", new PrefetchResolver(clinical.templates(),
        PrefetchOptions.defaults(), PrefetchMetrics.NONE), clinical.assembler(), clinical.advisor(), Metrics.NONE,
        WarmUpGate.alwaysOpen());

    List<AdvisedCard> cards = pipeline.advise(
        json.readHookRequest(WarmUp.wholeChart().body(), Hook.ORDER_SIGN), Instant.parse("2026-11-21T10:00:00Z"));

    assertThat(cards).extracting(AdvisedCard::ruleId).isNotEmpty();
  }
}
