package org.ironcds.prefetch;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.FifoMemoryPagingProvider;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.util.FhirTerser;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.ironcds.fhir.Fhir;

/**
 * A real FHIR R4 server for tests: HAPI's {@code RestfulServer} on Jetty, on a random local port,
 * serving the resources it is given. It records every request (method, path, query, Authorization
 * header), and can be made slow, made to demand one bearer token (401) or refuse all (403), and
 * made to page small.
 *
 * <pre>{@code
 * try (FakeEhr ehr = FakeEhr.builder().resources(chart).pageSize(2).start()) {
 *   ehr.requireToken("secret");
 *   URI fhirServer = ehr.baseUrl();            // http://127.0.0.1:<port>/fhir
 *   ...
 *   assertThat(ehr.requests()).extracting(FakeEhr.RecordedRequest::relativeUrl)
 *       .containsExactly("MedicationRequest?patient=p1&_sort=-authoredon&_count=100");
 * }
 * }</pre>
 *
 * Supported: read of Patient, Medication, MedicationRequest, MedicationStatement,
 * MedicationAdministration and Observation; search of the last four by {@code patient} (required)
 * and {@code code} (optional, system|code, comma = OR). {@code _sort} is accepted and ignored:
 * resources come back in the order given.
 */
public final class FakeEhr implements AutoCloseable {
  private final Server jetty;
  private final URI baseUrl;
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private volatile Duration delay = Duration.ZERO;
  private volatile Optional<String> requiredToken = Optional.empty();
  private volatile boolean forbidden;
  private final boolean recording;

  private FakeEhr(Builder builder) throws Exception {
    // HAPI scans its model on the first encode; pay that now, not inside a test's fetch deadline.
    Fhir.warmUp();
    recording = builder.recording;
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(builder.port);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    ServletHolder holder = new ServletHolder(new RecordingServer(builder));
    holder.setInitOrder(0); // RestfulServer otherwise initialises on the first request, inside a deadline.
    context.addServlet(holder, "/fhir/*");
    jetty.setHandler(context);
    jetty.start();
    baseUrl = URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/fhir");
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The FHIR base URL, without a trailing slash. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Every request since start or the last {@link #clearRequests()}, in arrival order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  public void clearRequests() {
    requests.clear();
  }

  /** Makes every later request wait this long before it is answered. */
  public void delay(Duration value) {
    delay = value;
  }

  /** Answers 401 to any request without this bearer token, as for an invalid or expired token. */
  public void requireToken(String token) {
    requiredToken = Optional.of(token);
  }

  /** Answers 403 to every request, as for a token whose scopes do not cover the query. */
  public void forbidAll() {
    forbidden = true;
  }

  /** Serves any request, with or without a token (the default). */
  public void acceptAnyToken() {
    requiredToken = Optional.empty();
  }

  /** Back to the state after start: no delay, any token, no recorded requests. */
  public void reset() {
    delay = Duration.ZERO;
    requiredToken = Optional.empty();
    forbidden = false;
    requests.clear();
  }

  @Override
  public void close() throws Exception {
    jetty.stop();
  }

  /** One request as the server saw it. */
  public record RecordedRequest(String method, String path, Optional<String> rawQuery, Optional<String> authorization) {
    /** The path below the FHIR base plus the decoded query, e.g. {@code Patient/p1}. */
    public String relativeUrl() {
      String relative = path.startsWith("/fhir/") ? path.substring("/fhir/".length()) : path;
      return relative + rawQuery.map(q -> "?" + URLDecoder.decode(q, StandardCharsets.UTF_8)).orElse("");
    }

    /** True for the follow-up page requests HAPI's paging links make. */
    public boolean isPageRequest() {
      return rawQuery.map(q -> q.contains("_getpages=")).orElse(false);
    }
  }

  /** What the server holds and how it pages. */
  public static final class Builder {
    private final List<IBaseResource> resources = new ArrayList<>();
    private int pageSize = 100;
    private int port;
    private boolean recording = true;

    public Builder resources(List<? extends IBaseResource> values) {
      resources.addAll(values);
      return this;
    }

    /** The largest page the server returns, whatever {@code _count} asks for. */
    public Builder pageSize(int value) {
      pageSize = value;
      return this;
    }

    /** A fixed port instead of a random one (benchmarks). */
    public Builder port(int value) {
      port = value;
      return this;
    }

    /** Turns off request recording, which grows without bound under load (benchmarks). */
    public Builder withoutRecording() {
      recording = false;
      return this;
    }

    public FakeEhr start() {
      try {
        return new FakeEhr(this);
      } catch (Exception e) {
        throw new IllegalStateException("fake EHR did not start", e);
      }
    }
  }

  /** RestfulServer that records, delays and checks the token before HAPI sees the request. */
  private final class RecordingServer extends RestfulServer {
    private static final long serialVersionUID = 1L;

    RecordingServer(Builder builder) {
      super(Fhir.context());
      setDefaultResponseEncoding(EncodingEnum.JSON);
      FifoMemoryPagingProvider paging = new FifoMemoryPagingProvider(100);
      paging.setDefaultPageSize(builder.pageSize);
      paging.setMaximumPageSize(builder.pageSize);
      setPagingProvider(paging);
      setResourceProviders(
          new Provider<>(Patient.class, builder.resources),
          new Provider<>(Medication.class, builder.resources),
          new SearchableProvider<>(MedicationRequest.class, builder.resources),
          new SearchableProvider<>(MedicationStatement.class, builder.resources),
          new SearchableProvider<>(MedicationAdministration.class, builder.resources),
          new SearchableProvider<>(Observation.class, builder.resources));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws ServletException, IOException {
      Optional<String> authorization = Optional.ofNullable(request.getHeader("Authorization"));
      if (recording) {
        requests.add(
          new RecordedRequest(
              request.getMethod(), request.getRequestURI(), Optional.ofNullable(request.getQueryString()), authorization));
      }
      pause();
      Optional<String> expected = requiredToken.map(token -> "Bearer " + token);
      if (expected.isPresent() && !expected.equals(authorization)) {
        response.sendError(401);
        return;
      }
      if (forbidden) {
        response.sendError(403);
        return;
      }
      super.service(request, response);
    }

    private void pause() {
      try {
        Thread.sleep(delay.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Reads one resource type by id. */
  public static class Provider<T extends IBaseResource> implements IResourceProvider {
    private final Class<T> type;
    final Map<String, T> byId = new ConcurrentHashMap<>();
    final List<T> inOrder = new CopyOnWriteArrayList<>();

    Provider(Class<T> type, List<IBaseResource> resources) {
      this.type = type;
      for (IBaseResource resource : resources) {
        if (type.isInstance(resource)) {
          T typed = type.cast(resource);
          byId.put(typed.getIdElement().getIdPart(), typed);
          inOrder.add(typed);
        }
      }
    }

    @Override
    public Class<T> getResourceType() {
      return type;
    }

    @Read
    public T read(@IdParam IIdType id) {
      T resource = byId.get(id.getIdPart());
      if (resource == null) {
        throw new ResourceNotFoundException(id);
      }
      return resource;
    }
  }

  /** Reads, and searches by patient and optionally by code. */
  public static class SearchableProvider<T extends IBaseResource> extends Provider<T> {
    SearchableProvider(Class<T> type, List<IBaseResource> resources) {
      super(type, resources);
    }

    @Search
    public List<IBaseResource> search(
        @RequiredParam(name = "patient") ReferenceParam patient,
        @OptionalParam(name = "code") TokenOrListParam code,
        @Sort SortSpec sort) {
      FhirTerser terser = Fhir.context().newTerser();
      String subject = "Patient/" + patient.getIdPart();
      List<IBaseResource> found = new ArrayList<>();
      for (T resource : inOrder) {
        boolean forPatient = subject.equals(terser.getSinglePrimitiveValueOrNull(resource, "subject.reference"));
        if (forPatient && (code == null || hasCode(terser, resource, code))) {
          found.add(resource);
        }
      }
      return found;
    }

    private static boolean hasCode(FhirTerser terser, IBaseResource resource, TokenOrListParam code) {
      for (Coding coding : terser.getValues(resource, "code.coding", Coding.class)) {
        for (TokenParam token : code.getValuesAsQueryTokens()) {
          boolean system = token.getSystem() == null || token.getSystem().equals(coding.getSystem());
          if (system && token.getValue().equals(coding.getCode())) {
            return true;
          }
        }
      }
      return false;
    }
  }
}
