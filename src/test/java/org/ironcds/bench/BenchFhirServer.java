package org.ironcds.bench;

import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.ironcds.fhir.Fhir;
import org.ironcds.prefetch.FakeEhr;

/**
 * The benchmark patient served by the in-process FHIR server (a HAPI RestfulServer) on a fixed
 * loopback port, for the load scenario in which the EHR sends no prefetch at all.
 *
 * <pre>BenchFhirServer PORT</pre> (runs until killed; the base URL is printed on start)
 */
public final class BenchFhirServer {
  private BenchFhirServer() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    BenchmarkPatient patient = new BenchmarkPatient(LocalDate.now(ZoneOffset.UTC));
    IParser parser = Fhir.json();
    List<IBaseResource> resources = new ArrayList<>();
    resources.add(parser.parseResource(patient.patient().toString()));
    for (JsonNode bundle : List.of(patient.medicationRequests(), patient.medicationStatements(),
        patient.medicationAdministrations(), patient.observations())) {
      ((Bundle) parser.parseResource(bundle.toString())).getEntry().forEach(e -> resources.add(e.getResource()));
    }
    FakeEhr ehr = FakeEhr.builder().resources(resources).port(port).withoutRecording().start();
    System.out.println("fhir_server=" + ehr.baseUrl());
    Thread.currentThread().join();
  }
}
