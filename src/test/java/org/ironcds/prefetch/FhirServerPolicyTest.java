package org.ironcds.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class FhirServerPolicyTest {
  private static final FhirServerPolicy ORIGIN = FhirServerPolicy.of(List.of("https://ehr.example.org"));
  private static final FhirServerPolicy PREFIX = FhirServerPolicy.of(List.of("https://ehr.example.org/fhir/"));

  @Test
  void originAllowsEveryPathOnThatSchemeHostAndPort() {
    assertThat(ORIGIN.allows(uri("https://ehr.example.org/fhir"))).isTrue();
    assertThat(ORIGIN.allows(uri("https://EHR.Example.org:443/other/r4/"))).isTrue();
    assertThat(ORIGIN.allows(uri("https://ehr.example.org."))).isTrue();
  }

  @Test
  void originRefusesOtherSchemesPortsAndLookAlikeHosts() {
    assertThat(ORIGIN.allows(uri("http://ehr.example.org/fhir"))).isFalse();
    assertThat(ORIGIN.allows(uri("https://ehr.example.org:8443/fhir"))).isFalse();
    assertThat(ORIGIN.allows(uri("https://ehr.example.org.evil.com/fhir"))).isFalse();
    assertThat(ORIGIN.allows(uri("https://evilehr.example.org/fhir"))).isFalse();
    assertThat(ORIGIN.allows(uri("https://sub.ehr.example.org/fhir"))).isFalse();
  }

  @Test
  void userInfoIsRefusedEvenWhenTheHostMatches() {
    assertThat(ORIGIN.allows(uri("https://ehr.example.org@evil.com/fhir"))).isFalse();
    assertThat(ORIGIN.allows(uri("https://user:pw@ehr.example.org/fhir"))).isFalse();
  }

  @Test
  void prefixAllowsItsPathAndBelowOnly() {
    assertThat(PREFIX.allows(uri("https://ehr.example.org/fhir"))).isTrue();
    assertThat(PREFIX.allows(uri("https://ehr.example.org/fhir/r4"))).isTrue();
    assertThat(PREFIX.allows(uri("https://ehr.example.org/fhirx"))).isFalse();
    assertThat(PREFIX.allows(uri("https://ehr.example.org/"))).isFalse();
  }

  @Test
  void pathTraversalTricksAreRefused() {
    assertThat(PREFIX.allows(uri("https://ehr.example.org/fhir/../admin"))).isFalse();
    assertThat(PREFIX.allows(uri("https://ehr.example.org/fhir/%2e%2e/admin"))).isFalse();
    assertThat(PREFIX.allows(uri("https://ehr.example.org/fhir/..%2Fadmin"))).isFalse();
    assertThat(PREFIX.allows(uri("https://ehr.example.org/fhir/./r4"))).isFalse();
  }

  @Test
  void nonHttpUrlsAreRefused() {
    assertThat(ORIGIN.allows(uri("file:///etc/passwd"))).isFalse();
    assertThat(ORIGIN.allows(uri("ftp://ehr.example.org/fhir"))).isFalse();
    assertThat(ORIGIN.allows(uri("/fhir"))).isFalse();
  }

  @Test
  void emptyPolicyAllowsNothing() {
    assertThat(FhirServerPolicy.of(List.of()).allows(uri("https://ehr.example.org/fhir"))).isFalse();
  }

  @Test
  void malformedEntriesFailAtConfiguration() {
    assertThatThrownBy(() -> FhirServerPolicy.of(List.of("ehr.example.org")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("allowed FHIR server must be an absolute http(s) URL: ehr.example.org");
    assertThatThrownBy(() -> FhirServerPolicy.of(List.of("https://ehr.example.org/fhir?x=1")))
        .hasMessage("allowed FHIR server must not have a query or fragment: https://ehr.example.org/fhir?x=1");
  }

  @Test
  void nextLinksAreFollowedOnlyOnTheSameAllowedServer() {
    FhirConnection connection = new FhirConnection(uri("https://ehr.example.org/fhir"), "tok-123", PREFIX);

    assertThat(connection.mayFollow(uri("https://ehr.example.org/fhir?_getpages=a&_getpagesoffset=2"))).isTrue();
    assertThat(connection.mayFollow(uri("https://other.example.org/fhir?_getpages=a"))).isFalse();
    assertThat(connection.mayFollow(uri("https://ehr.example.org/admin?_getpages=a"))).isFalse();
    assertThat(connection.toString()).doesNotContain("tok-123").contains("<redacted>");
  }

  private static URI uri(String text) {
    return URI.create(text);
  }
}
