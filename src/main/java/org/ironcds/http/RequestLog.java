package org.ironcds.http;

import java.util.Map;
import java.util.regex.Pattern;
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
  static final Pattern PLAIN_METHOD = Pattern.compile("[A-Z]{1,16}");
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
    line.append("method=").append(PLAIN_METHOD.matcher(exchange.method()).matches() ? exchange.method() : "other");
    Map<String, String> fields = exchange.logFields();
    line.append(" route=").append(fields.getOrDefault("route", "unmatched"));
    line.append(" status=").append(status);
    appendMillis(line.append(" latency_ms="), nanos);
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

  /** Milliseconds with two decimals, rounded half up, without a formatter on every request. */
  static StringBuilder appendMillis(StringBuilder line, long nanos) {
    long hundredths = (Math.max(nanos, 0) + 5_000) / 10_000;
    long fraction = hundredths % 100;
    return line.append(hundredths / 100).append('.').append(fraction < 10 ? "0" : "").append(fraction);
  }
}
