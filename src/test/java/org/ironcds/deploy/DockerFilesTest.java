package org.ironcds.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ironcds.config.ConfigLoader;
import org.junit.jupiter.api.Test;

/**
 * No container engine runs here, so the deployment files are checked by parsing them: the image is
 * multi-stage, runs as non-root with a health check, and every setting they pass is one the service
 * knows.
 */
class DockerFilesTest {
  private static final Path DOCKER = Path.of("docker");

  @Test
  void imageIsMultiStageNonRootWithHealthCheck() throws Exception {
    String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
    assertThat(Pattern.compile("^FROM ", Pattern.MULTILINE).matcher(dockerfile).results().count()).isEqualTo(2);
    assertThat(dockerfile).containsPattern("(?m)^FROM maven:\\S+ AS build");
    assertThat(dockerfile).containsPattern("(?m)^USER ironcds$");
    assertThat(dockerfile).containsPattern("(?m)^HEALTHCHECK .*\\n.*healthcheck");
    assertThat(dockerfile).contains("COPY --from=build /src/target/iron-cds.jar");
    assertThat(settingsIn(dockerfile)).allSatisfy(key -> assertThat(ConfigLoader.KEYS).contains(key));
  }

  @Test
  void imageStartsWithAnAheadOfTimeCacheMadeByTheRuntimeJvmAndStillBuildsWithoutOne() throws Exception {
    String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
    String runStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
    // The cache needs Java 25 or later; the build stage still compiles for 17.
    Matcher runtime = Pattern.compile("^\\nFROM eclipse-temurin:(\\d+)-jre\\n").matcher(runStage);
    assertThat(runtime.find()).isTrue();
    assertThat(Integer.parseInt(runtime.group(1))).isGreaterThanOrEqualTo(25);
    // Made in the run stage: a cache only works with the JVM that wrote it.
    Matcher training = Pattern.compile("(?m)^RUN java (?:.*\\\\\\n)*.*-XX:AOTCacheOutput=(\\S+) -jar /app/iron-cds.jar self-test"
        + "(?:.*\\\\\\n)*.*\\|\\|.*rm -f \\1").matcher(runStage);
    assertThat(training.find()).as("training run whose failure does not fail the build").isTrue();
    assertThat(runStage).containsPattern("(?m)^ENTRYPOINT \\[\"java\", (?:\"-X[^\"]*\", )*\"-XX:AOTCache="
        + Pattern.quote(training.group(1)) + "\", \"-jar\", \"/app/iron-cds.jar\"]$");
    assertThat(runStage.indexOf("AOTCacheOutput")).isLessThan(runStage.indexOf("USER ironcds"));
  }

  /** The cache is trained with the options the service runs with (the JVM checks some of them). */
  @Test
  void theCacheIsTrainedWithTheServicesJvmOptions() throws Exception {
    String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
    Matcher training = Pattern.compile("(?m)^RUN java ((?:.*\\\\\\n)*.*)-XX:AOTCacheOutput=").matcher(dockerfile);
    assertThat(training.find()).isTrue();
    List<String> trainingOptions = List.of(training.group(1).replace("\\\n", " ").trim().split("\\s+"));
    assertThat(trainingOptions).containsAll(jvmOptions().stream()
        .filter(option -> !option.equals("-XX:+AlwaysPreTouch")).toList()); // touching the heap changes nothing cached
  }

  /** The image runs the service with the options of the quick start and the benchmarks. */
  @Test
  void imageRunsTheServiceWithTheSameJvmOptionsAsRunSh() throws Exception {
    String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
    Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT \\[(.*)\\]$").matcher(dockerfile);
    Matcher toolOptions = Pattern.compile("JAVA_TOOL_OPTIONS=\"([^\"]*)\"").matcher(dockerfile);
    assertThat(entrypoint.find()).isTrue();
    assertThat(toolOptions.find()).isTrue();
    List<String> imageOptions = new ArrayList<>(List.of(toolOptions.group(1).split(" ")));
    for (String word : entrypoint.group(1).split(", ")) {
      imageOptions.add(word.replace("\"", ""));
    }
    List<String> runShOptions = jvmOptions();
    assertThat(runShOptions).contains("-Xmx256m", "-XX:+UseParallelGC");
    assertThat(imageOptions).containsAll(runShOptions);
  }

  @Test
  void composeStartsServiceWithPostgresAndFhirServer() throws Exception {
    JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve("compose.yaml").toFile());
    JsonNode services = compose.get("services");
    assertThat(services.has("iron-cds")).isTrue();
    assertThat(services.has("postgres")).isTrue();
    assertThat(services.has("hapi-fhir")).isTrue();
    JsonNode iron = services.get("iron-cds");
    assertThat(iron.at("/build/dockerfile").asText()).isEqualTo("docker/Dockerfile");
    assertThat(Files.exists(DOCKER.resolve(iron.at("/build/context").asText()).resolve("pom.xml"))).isTrue();
    assertThat(iron.at("/depends_on/postgres/condition").asText()).isEqualTo("service_healthy");
    assertThat(iron.at("/environment/IRONCDS_DB_URL").asText()).startsWith("jdbc:postgresql://postgres:5432/");
    iron.get("environment").fieldNames()
        .forEachRemaining(key -> assertThat(ConfigLoader.KEYS).as("compose setting").contains(key));
    for (JsonNode volume : iron.get("volumes")) {
      String source = volume.asText().split(":")[0];
      if (source.startsWith("./")) {
        assertThat(DOCKER.resolve(source)).as("mounted file").exists();
      }
    }
    assertThat(services.at("/postgres/healthcheck/test").isArray()).isTrue();
  }

  private static List<String> jvmOptions() throws java.io.IOException {
    return Files.readAllLines(Path.of("scripts/jvm-options")).stream()
        .filter(line -> !line.startsWith("#")).flatMap(line -> List.of(line.trim().split("\\s+")).stream())
        .toList();
  }

  private static List<String> settingsIn(String text) {
    List<String> keys = new ArrayList<>();
    Matcher matcher = Pattern.compile("(IRONCDS_[A-Z_]+)=").matcher(text);
    while (matcher.find()) {
      keys.add(matcher.group(1));
    }
    return keys;
  }
}
