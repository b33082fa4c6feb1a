package org.ironcds.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.ironcds.auth.AuthenticationException;
import org.ironcds.cdshooks.InvalidRequestException;
import org.ironcds.fhir.OperationOutcomes;
import org.ironcds.prefetch.MissingDataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures into HTTP statuses with a FHIR OperationOutcome body.
 *
 * <p>Bodies say what is wrong with the request, never why authentication failed and never a stack
 * trace. Anything unexpected becomes a 500 whose body says only that, logged by type and frames
 * without the exception message, which might quote patient data.
 */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  Reply toReply(Throwable failure, Exchange exchange) {
    if (failure instanceof HttpError e) {
      exchange.log("error", e.issueType());
      return outcome(e.status(), e.issueType(), e.getMessage(), List.of(), e.headers());
    }
    if (failure instanceof InvalidRequestException e) {
      exchange.log("error", "invalid");
      return outcome(400, "invalid", e.getMessage(), List.of(e.location()), Map.of());
    }
    if (failure instanceof AuthenticationException e) {
      exchange.log("auth_failure", e.reason());
      return outcome(401, "login", "Authentication required", List.of(),
          Map.of("WWW-Authenticate", "Bearer"));
    }
    if (failure instanceof MissingDataException e) {
      exchange.log("error", "missing_data");
      exchange.log("missing_keys", String.join(",", e.missingKeys()));
      return outcome(412, "incomplete", e.getMessage(), e.missingKeys().stream().map(k -> "prefetch." + k).toList(),
          Map.of());
    }
    exchange.log("error", "internal");
    LOG.error("unexpected {} at {}", failure.getClass().getName(), frames(failure));
    return outcome(500, "exception", "The service failed to process the request", List.of(), Map.of());
  }

  static Reply outcome(int status, String issueType, String message, List<String> expressions,
      Map<String, String> headers) {
    byte[] body = OperationOutcomes.error(issueType, message, expressions).getBytes(StandardCharsets.UTF_8);
    return new Reply(status, Reply.FHIR_JSON, headers, body);
  }

  private static String frames(Throwable failure) {
    StringBuilder out = new StringBuilder();
    StackTraceElement[] trace = failure.getStackTrace();
    for (int i = 0; i < Math.min(8, trace.length); i++) {
      out.append(i == 0 ? "" : " < ").append(trace[i]);
    }
    return out.toString();
  }
}
