package org.ironcds.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedClientsTest {
  private static final String EC_JWKS = TestKeys.publicSetJson(TestKeys.EC);

  @TempDir Path dir;

  @Test
  void documentedExampleFileLoads() throws Exception {
    TrustedClients clients = TrustedClients.load(Path.of("docs/trusted-clients.example.json"));

    assertThat(clients.all()).hasSize(3);
    TrustedClient main = clients.find("https://ehr.hospital.example").orElseThrow();
    assertThat(main.tenant()).contains("hospital-main");
    assertThat(main.keys()).containsInstanceOf(JwksSource.FromUrl.class);
    assertThat(main.allowedJku())
        .containsExactly(URI.create("https://ehr.hospital.example/.well-known/jwks.json"));
    TrustedClient clinic = clients.find("https://clinic-ehr.example/cds-client").orElseThrow();
    assertThat(clinic.algorithms()).isEqualTo(TrustedClient.DEFAULT_ALGORITHMS);
    TrustedClient lab = clients.find("https://lab.hospital.example").orElseThrow();
    assertThat(lab.keys()).contains(new JwksSource.FromFile(
        Path.of("docs/example-keys/lab-system.jwks.json").toAbsolutePath().normalize()));
    assertThat(lab.algorithms()).containsExactly(JWSAlgorithm.RS384);
  }

  @Test
  void sandboxFilePinsThePublishedSandboxKey() throws Exception {
    TrustedClient sandbox = TrustedClients.load(Path.of("docs/sandbox-trusted-client.json"))
        .find("https://sandbox.cds-hooks.org").orElseThrow();

    JwksSource.Inline keys = (JwksSource.Inline) sandbox.keys().orElseThrow();
    assertThat(keys.keys().getKeyByKeyId("44823f3d-0b01-4a6c-a80e-b9d3e8a7226f")).isNotNull();
    assertThat(sandbox.allowedJku())
        .containsExactly(URI.create("https://sandbox.cds-hooks.org/.well-known/jwks.json"));
    assertThat(sandbox.algorithms()).containsExactly(JWSAlgorithm.ES384);
  }

  @Test
  void unknownIssuerIsNotFound() {
    TrustedClients clients = parse(entry("\"jwks\": " + EC_JWKS));

    assertThat(clients.find("https://other.example")).isEmpty();
    assertThat(clients.find(Tokens.ISSUER)).isPresent();
  }

  @Test
  void algorithmsDefaultToEs384AndRs384() {
    TrustedClient client = parse(entry("\"jwks\": " + EC_JWKS)).find(Tokens.ISSUER).orElseThrow();

    assertThat(client.algorithms()).isEqualTo(Set.of(JWSAlgorithm.ES384, JWSAlgorithm.RS384));
    assertThat(client.tenant()).isEmpty();
  }

  @Test
  void hmacAlgorithmIsRejectedNamingTheEntry() {
    assertRejected(entry("\"jwks\": " + EC_JWKS + ", \"algorithms\": [\"ES384\", \"HS256\"]"),
        "clients[0] (iss https://ehr.hospital.example): algorithm HS256 is not allowed");
  }

  @Test
  void algorithmNoneIsRejected() {
    assertRejected(entry("\"jwks\": " + EC_JWKS + ", \"algorithms\": [\"none\"]"),
        "algorithm none is not allowed");
  }

  @Test
  void algorithmsThisJdkCannotVerifyAreRejected() {
    assertRejected(entry("\"jwks\": " + EC_JWKS + ", \"algorithms\": [\"ES256K\"]"),
        "algorithm ES256K is not allowed");
    assertRejected(entry("\"jwks\": " + EC_JWKS + ", \"algorithms\": [\"EdDSA\"]"),
        "algorithm EdDSA is not allowed");
  }

  @Test
  void emptyAlgorithmListIsRejected() {
    assertRejected(entry("\"jwks\": " + EC_JWKS + ", \"algorithms\": []"), "algorithms is empty");
  }

  @Test
  void privateKeyInJwksIsRejected() {
    String privateJwks = "{\"keys\": [" + TestKeys.EC.toJSONString() + "]}";

    assertRejected(entry("\"jwks\": " + privateJwks), "contains private key material");
  }

  @Test
  void keyWithoutKidIsRejected() {
    String noKid = "{\"keys\": [" + new com.nimbusds.jose.jwk.ECKey.Builder(TestKeys.EC.toPublicJWK())
        .keyID(null).build().toJSONString() + "]}";

    assertRejected(entry("\"jwks\": " + noKid), "a key has no kid");
  }

  @Test
  void shortRsaKeyIsRejected() throws Exception {
    var small = new com.nimbusds.jose.jwk.gen.RSAKeyGenerator(1024, true).keyID("small").generate();

    assertRejected(entry("\"jwks\": " + TestKeys.publicSetJson(small)), "not an EC or RSA");
  }

  @Test
  void unknownFieldIsRejected() {
    assertRejected(entry("\"jwks_uri\": \"https://ehr.hospital.example/jwks\""),
        "unknown field 'jwks_uri'");
  }

  @Test
  void twoKeySourcesAreRejected() {
    assertRejected(entry("\"jwks\": " + EC_JWKS + ", \"jwksUri\": \"https://ehr.example/jwks\""),
        "only one of jwks, jwksFile and jwksUri");
  }

  @Test
  void clientWithoutAnyKeysIsRejected() {
    assertRejected(entry("\"tenant\": \"t1\""), "no keys");
  }

  @Test
  void clientWithOnlyAnAllowedJkuIsAccepted() {
    TrustedClient client =
        parse(entry("\"jku\": [\"https://ehr.hospital.example/jwks.json\"]")).all().get(0);

    assertThat(client.keys()).isEmpty();
  }

  @Test
  void plainHttpJwksUriIsRejectedOffLoopback() {
    assertRejected(entry("\"jwksUri\": \"http://ehr.hospital.example/jwks.json\""),
        "must use https");
  }

  @Test
  void plainHttpJkuIsAcceptedOnLoopbackForTests() {
    TrustedClient client = parse(entry("\"jku\": [\"http://127.0.0.1:8081/jwks.json\"]")).all().get(0);

    assertThat(client.allowedJku()).containsExactly(URI.create("http://127.0.0.1:8081/jwks.json"));
  }

  @Test
  void duplicateIssuerIsRejected() {
    String one = "{\"iss\": \"" + Tokens.ISSUER + "\", \"jwks\": " + EC_JWKS + "}";

    assertThatThrownBy(() -> TrustedClients.parse("{\"clients\": [" + one + "," + one + "]}", dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clients[1] (iss https://ehr.hospital.example): iss is configured twice");
  }

  @Test
  void missingIssuerIsRejectedNamingTheIndex() {
    assertThatThrownBy(() -> TrustedClients.parse(
            "{\"clients\": [{\"jwks\": " + EC_JWKS + "}]}", dir))
        .hasMessage("clients[0]: iss is missing");
  }

  @Test
  void emptyClientListIsRejected() {
    assertThatThrownBy(() -> TrustedClients.parse("{\"clients\": []}", dir))
        .hasMessageContaining("no trusted clients");
  }

  @Test
  void notJsonIsRejected() {
    assertThatThrownBy(() -> TrustedClients.parse("clients:", dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not a JSON object");
  }

  @Test
  void relativeJwksFileResolvesAgainstTheConfigFile() throws Exception {
    Files.writeString(dir.resolve("ehr.jwks.json"), EC_JWKS);
    Path config = dir.resolve("trusted-clients.json");
    Files.writeString(config, entry("\"jwksFile\": \"ehr.jwks.json\""));

    TrustedClient client = TrustedClients.load(config).all().get(0);

    assertThat(client.keys()).contains(new JwksSource.FromFile(dir.resolve("ehr.jwks.json")));
  }

  @Test
  void missingJwksFileFailsAtLoadNamingFileAndEntry() throws Exception {
    Path config = dir.resolve("trusted-clients.json");
    Files.writeString(config, entry("\"jwksFile\": \"nope.json\""));

    assertThatThrownBy(() -> TrustedClients.load(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("trusted-clients.json: clients[0] (iss https://ehr.hospital.example)")
        .hasMessageContaining("nope.json cannot be read");
  }

  @Test
  void tenantIsKept() {
    TrustedClient client = parse(entry("\"jwks\": " + EC_JWKS + ", \"tenant\": \"north\"")).all().get(0);

    assertThat(client.tenant()).isEqualTo(Optional.of("north"));
  }

  private TrustedClients parse(String json) {
    return TrustedClients.parse(json, dir);
  }

  private void assertRejected(String json, String message) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  private static String entry(String fields) {
    return "{\"clients\": [{\"iss\": \"" + Tokens.ISSUER + "\", " + fields + "}]}";
  }
}
