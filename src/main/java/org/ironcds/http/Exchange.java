package org.ironcds.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * One HTTP request as an endpoint sees it: method, path, path parameters, headers, a size-limited
 * body, and the public URL of the endpoint (the JWT audience). It also gathers the fields of the
 * request's log line, which must never hold patient data or tokens.
 */
public final class Exchange {
  private final Request request;
  private final String publicBaseUrl;
  private final long maxBodyBytes;
  private final Map<String, String> pathParameters;
  private final Map<String, String> logFields = new LinkedHashMap<>();

  Exchange(Request request, String publicBaseUrl, long maxBodyBytes, Map<String, String> pathParameters) {
    this.request = request;
    this.publicBaseUrl = publicBaseUrl;
    this.maxBodyBytes = maxBodyBytes;
    this.pathParameters = Map.copyOf(pathParameters);
  }

  public String method() {
    return request.getMethod();
  }

  public String path() {
    return Request.getPathInContext(request);
  }

  /** A parameter of the route template, such as {@code id} in {@code /cds-services/{id}}. */
  public String pathParameter(String name) {
    String value = pathParameters.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no path parameter " + name);
    }
    return value;
  }

  public Optional<String> header(String name) {
    return Optional.ofNullable(request.getHeaders().get(name));
  }

  /** The first value of a query parameter. */
  public Optional<String> queryParameter(String name) {
    Fields fields = Request.extractQueryParameters(request);
    return Optional.ofNullable(fields.getValue(name));
  }

  /** The exact public URL of this endpoint, as EHRs address it: the JWT {@code aud}. */
  public String publicUrl() {
    return publicBaseUrl + path();
  }

  /**
   * Checks that the body is JSON ({@code application/json} or {@code application/fhir+json}, any
   * parameters), answering 415 otherwise.
   */
  public void requireJsonBody() {
    String type = header(HttpHeader.CONTENT_TYPE.asString()).orElse("");
    String mediaType = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json") && !mediaType.equals("application/fhir+json")) {
      throw new HttpError(415, "not-supported", "Content-Type must be application/json");
    }
  }

  /**
   * Hands the body to {@code reader} as a stream, so a large body is parsed without first being
   * copied into an array (for a 46 KB hook request that copy was a sixth of a call's allocation).
   * More than the configured limit is refused with 413: at once by the declared length, else as
   * soon as the reader gets past the limit.
   */
  public <T> T readBody(Function<InputStream, T> reader) {
    if (request.getLength() > maxBodyBytes) {
      throw tooLarge();
    }
    try (InputStream in = new CappedInput(Content.Source.asInputStream(request), maxBodyBytes, this::tooLarge)) {
      return reader.apply(in);
    } catch (IOException | UncheckedIOException e) {
      throw new HttpError(400, "structure", "The request body could not be read");
    }
  }

  /** Counts what is read through it and throws {@code tooLarge} past {@code limit} bytes. */
  private static final class CappedInput extends FilterInputStream {
    private final long limit;
    private final Supplier<HttpError> tooLarge;
    private long read;

    CappedInput(InputStream in, long limit, Supplier<HttpError> tooLarge) {
      super(in);
      this.limit = limit;
      this.tooLarge = tooLarge;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(Math.max(n, 0));
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    private void count(long bytes) {
      read += bytes;
      if (read > limit) {
        throw tooLarge.get();
      }
    }
  }

  private HttpError tooLarge() {
    return new HttpError(413, "too-costly", "Request body is larger than " + maxBodyBytes + " bytes");
  }

  /** Adds a field to this request's log line. Callers pass only non-identifying values. */
  public void log(String key, Object value) {
    logFields.put(key, String.valueOf(value));
  }

  Map<String, String> logFields() {
    return logFields;
  }
}
