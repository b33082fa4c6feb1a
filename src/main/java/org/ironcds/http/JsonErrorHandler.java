package org.ironcds.http;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises itself (malformed HTTP, oversized headers, bad URIs) with an
 * OperationOutcome instead of Jetty's HTML page, and never with a stack trace.
 */
final class JsonErrorHandler extends ErrorHandler {
  JsonErrorHandler() {
    setShowStacks(false);
    setShowMessageInTitle(false);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus() >= 400 ? response.getStatus() : 500;
    Object attribute = request.getAttribute(ERROR_STATUS);
    if (attribute instanceof Integer code && code >= 400) {
      status = code;
    }
    String issue = status >= 500 ? "exception" : "invalid";
    Reply reply = ErrorMapper.outcome(status, issue,
        status >= 500 ? "The service failed to process the request" : "The HTTP request is malformed",
        List.of(), Map.of());
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
    response.write(true, ByteBuffer.wrap(reply.body()), callback);
    return true;
  }
}
