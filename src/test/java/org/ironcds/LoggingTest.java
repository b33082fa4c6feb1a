package org.ironcds;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoggingTest {
  @Test
  void aJsonLineCarriesTheMessageWithItsValuesAndTheRequestIdOnly() throws Exception {
    LoggerContext context = new LoggerContext();
    Logger logger = context.getLogger("org.ironcds.http.RequestLog");
    LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, Level.INFO,
        "event=request status={} latency_ms={}", new IllegalStateException("not logged"), new Object[] {200, 1.5});
    event.setMDCPropertyMap(Map.of("request_id", "8f125367d3a14954"));

    byte[] line = Logging.jsonEncoder(context).encode(event);

    assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.path("formattedMessage").asText()).isEqualTo("event=request status=200 latency_ms=1.5");
    assertThat(json.path("level").asText()).isEqualTo("INFO");
    assertThat(json.path("loggerName").asText()).isEqualTo("org.ironcds.http.RequestLog");
    assertThat(json.path("mdc").path("request_id").asText()).isEqualTo("8f125367d3a14954");
    assertThat(json.has("timestamp")).isTrue();
    assertThat(json.has("message")).isFalse();
    assertThat(json.has("arguments")).isFalse();
    assertThat(json.has("throwable")).isFalse();
    assertThat(json.has("context")).isFalse();
  }
}
