package org.ironcds.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private static final Map<String, String> TRIAL = Map.of("IRONCDS_AUTH_MODE", "off");

  @Test
  void defaultsServeOnLoopbackPort8080() {
    AppConfig config = ConfigLoader.load(TRIAL);
    assertThat(config.server().bindAddress()).isEqualTo("127.0.0.1");
    assertThat(config.server().port()).isEqualTo(8080);
    assertThat(config.server().publicUrl()).hasToString("http://localhost:8080");
    assertThat(config.server().maxBodyBytes()).isEqualTo(1_048_576);
    assertThat(config.server().corsOrigins()).containsExactly("*");
    assertThat(config.prefetch().deadline()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.storage().jdbcUrl()).isEmpty();
    assertThat(config.auth().enabled()).isFalse();
  }

  @Test
  void environmentValuesAreParsed() {
    AppConfig config = ConfigLoader.load(Map.of("IRONCDS_AUTH_MODE", "off", "IRONCDS_PORT", "9090",
        "IRONCDS_PUBLIC_URL", "https://cds.hospital.example/iron", "IRONCDS_CORS_ORIGINS",
        "https://sandbox.cds-hooks.org, https://ehr.example.org", "IRONCDS_MAX_BODY_BYTES", "2048"));
    assertThat(config.server().port()).isEqualTo(9090);
    assertThat(config.server().publicUrl()).hasToString("https://cds.hospital.example/iron");
    assertThat(config.server().corsOrigins()).containsExactly("https://sandbox.cds-hooks.org", "https://ehr.example.org");
    assertThat(config.server().maxBodyBytes()).isEqualTo(2048);
  }

  @Test
  void everyProblemIsReportedWithItsKey() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("IRONCDS_AUTH_MODE", "off", "IRONCDS_PORT", "eighty",
        "IRONCDS_MAX_BODY_BYTES", "10", "IRONCDS_PUBLIC_URL", "localhost:8080", "IRONCDS_PROT", "1")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("IRONCDS_PORT: must be a whole number, was eighty")
        .hasMessageContaining("IRONCDS_MAX_BODY_BYTES: must be between 1024")
        .hasMessageContaining("IRONCDS_PUBLIC_URL: must be an absolute http(s) URL")
        .hasMessageContaining("IRONCDS_PROT: unknown setting");
  }

  @Test
  void authenticationOffIsRefusedOffLoopback() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("IRONCDS_AUTH_MODE", "off", "IRONCDS_BIND", "0.0.0.0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("IRONCDS_AUTH_MODE: off is allowed only when IRONCDS_BIND is a loopback address");
    assertThat(ConfigLoader.load(Map.of("IRONCDS_AUTH_MODE", "off", "IRONCDS_BIND", "::1")).auth().enabled()).isFalse();
  }

  @Test
  void jwtModeNeedsTrustedClients() {
    assertThatThrownBy(() -> ConfigLoader.load(Map.of()))
        .hasMessageContaining("IRONCDS_TRUSTED_CLIENTS_FILE: required when IRONCDS_AUTH_MODE is jwt");
  }

  @Test
  void settingsFileIsReadAndEnvironmentWins(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("iron-cds.properties");
    Files.writeString(file, "IRONCDS_AUTH_MODE=off\nIRONCDS_PORT=7000\nIRONCDS_MAX_THREADS=16\n");
    AppConfig config = ConfigLoader.load(Map.of("IRONCDS_CONFIG_FILE", file.toString(), "IRONCDS_PORT", "7001"));
    assertThat(config.server().port()).isEqualTo(7001);
    assertThat(config.server().maxThreads()).isEqualTo(16);
  }

  @Test
  void warmUpBudgetDefaultsToNoneAndIsBounded() {
    assertThat(ConfigLoader.load(Map.of("IRONCDS_AUTH_MODE", "off")).server().warmUp()).isZero();
    assertThat(ConfigLoader.load(Map.of("IRONCDS_AUTH_MODE", "off", "IRONCDS_WARMUP_MS", "5000")).server().warmUp())
        .isEqualTo(Duration.ofSeconds(5));
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("IRONCDS_AUTH_MODE", "off", "IRONCDS_WARMUP_MS", "-1")))
        .hasMessageContaining("IRONCDS_WARMUP_MS");
  }

  @Test
  void idleWarmUpDefaultsToAMinuteCanBeTurnedOffAndIsBounded() {
    assertThat(ConfigLoader.load(Map.of("IRONCDS_AUTH_MODE", "off")).server().idleWarmUp())
        .isEqualTo(Duration.ofSeconds(60));
    assertThat(ConfigLoader.load(Map.of("IRONCDS_AUTH_MODE", "off", "IRONCDS_IDLE_WARMUP_MS", "0")).server()
        .idleWarmUp()).isZero();
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("IRONCDS_AUTH_MODE", "off", "IRONCDS_IDLE_WARMUP_MS", "-1")))
        .hasMessageContaining("IRONCDS_IDLE_WARMUP_MS");
    assertThatThrownBy(() -> ConfigLoader.load(Map.of("IRONCDS_AUTH_MODE", "off", "IRONCDS_IDLE_WARMUP_MS",
        "600001"))).hasMessageContaining("IRONCDS_IDLE_WARMUP_MS");
  }

  @Test
  void secretsAreNotPrinted() {
    AppConfig config = ConfigLoader.load(Map.of("IRONCDS_AUTH_MODE", "off", "IRONCDS_DB_PASSWORD", "hunter2",
        "IRONCDS_ADMIN_TOKEN", "admin-secret", "IRONCDS_METRICS_TOKEN", "metrics-secret"));
    assertThat(config.toString()).doesNotContain("hunter2", "admin-secret", "metrics-secret");
  }
}
