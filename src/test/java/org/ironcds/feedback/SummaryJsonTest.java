package org.ironcds.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SummaryJsonTest {
  @Test
  void writesTheDocumentedShape() throws Exception {
    JsonNode json = new ObjectMapper().readTree(SummaryJson.write(SummaryFixtures.known()));

    assertThat(json).isEqualTo(new ObjectMapper().readTree("""
        {"generatedAt": "2026-11-21T15:30:00Z",
         "query": {"since": "2026-11-01T00:00:00Z", "service": "iron-sign"},
         "rules": [
           {"service": "iron-sign", "rule": "iv-iron-denosumab", "issued": 4, "accepted": 2, "overridden": 1,
            "acceptanceRate": 0.5, "overriddenWithComment": 1, "overriddenWithoutReason": 0,
            "suggestions": [{"label": "Hold iron", "offered": 4, "accepted": 1},
                            {"label": "Order phosphate", "offered": 4, "accepted": 2}],
            "overrideReasons": [{"system": "https://ironcds.org/or", "code": "benefit",
                                 "display": "Benefit outweighs risk", "count": 1}]},
           {"service": "iron-sign", "rule": "iv-iron-zoledronate", "issued": 3, "accepted": 0, "overridden": 0,
            "acceptanceRate": 0.0, "overriddenWithComment": 0, "overriddenWithoutReason": 0,
            "suggestions": [], "overrideReasons": []}],
         "unattributed": [{"service": "iron-sign", "accepted": 0, "overridden": 2}]}
        """));
  }
}
