package org.ironcds.http;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per request as {@code key=value} pairs: method, route, status, latency and the
 * fields the endpoint added (service id, hookInstance, card count, client iss). Only fields that
 * endpoints add on purpose appear, so no header, body, token or patient data can slip in.
 *
 * <p>The start-up warm-up's requests are logged at DEBUG and marked {@code warm_up=true}: they are
 * not traffic, but the line is still built so that the first real request finds that code warm.
 */
final class RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger("org.ironcds.request");
  private final boolean warmUp;

  private RequestLog(boolean warmUp) {
    this.warmUp = warmUp;
  }

  static RequestLog traffic() {
    return new RequestLog(false);
  }

  static RequestLog warmUp() {
    return new RequestLog(true);
  }

  void log(Exchange exchange, int status, long nanos) {
    if (!warmUp && !LOG.isInfoEnabled()) {
      return;
    }
    StringBuilder line = new StringBuilder(160);
    line.append("method=").append(exchange.method().matches("[A-Z]{1,16}") ? exchange.method() : "other");
    Map<String, String> fields = exchange.logFields();
    line.append(" route=").append(fields.getOrDefault("route", "unmatched"));
    line.append(" status=").append(status);
    line.append(" latency_ms=").append(String.format(java.util.Locale.ROOT, "%.2f", nanos / 1e6));
    fields.forEach((key, value) -> {
      if (!key.equals("route")) {
        line.append(' ').append(key).append('=').append(value);
      }
    });
    if (warmUp) {
      LOG.debug("{} warm_up=true", line);
    } else {
      LOG.info(line.toString());
    }
  }
}
