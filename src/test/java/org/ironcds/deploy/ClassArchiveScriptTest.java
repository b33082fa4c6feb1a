package org.ironcds.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code scripts/class-archive.sh}, which run.sh and bench-load.sh use, on a small stand-in jar: it
 * makes the archive (a CDS archive on Java 17-24, an ahead-of-time cache on 25+) when missing or
 * older than the jar, and a missing, stale or failed archive never stops the program from
 * starting. Run on the tests' JDK and on one of the other kind where one is installed beside it.
 */
class ClassArchiveScriptTest {
  private static final Path SCRIPT = Path.of("scripts/class-archive.sh").toAbsolutePath();

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  /** Where to find a JDK, and what kind of archive the script makes for it. */
  record Jdk(Path home, int version) {
    boolean aheadOfTime() {
      return version >= 25;
    }

    String extension() {
      return aheadOfTime() ? ".aot" : ".jsa";
    }

    String option() {
      return aheadOfTime() ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";
    }

    String java() {
      return home.resolve("bin/java").toString();
    }

    @Override
    public String toString() {
      return "Java " + version;
    }
  }

  /**
   * The JDK running the tests, and one of the other kind (17-24 or 25+) installed beside it if
   * there is one, so that both kinds of archive are tested wherever both JDKs are at hand.
   */
  static List<Jdk> jdks() throws IOException {
    Jdk running = jdk(Path.of(System.getProperty("java.home"))).orElseThrow();
    List<Jdk> jdks = new ArrayList<>(List.of(running));
    try (var beside = Files.list(running.home().getParent())) {
      beside.sorted().map(ClassArchiveScriptTest::jdk).flatMap(java.util.Optional::stream)
          .filter(other -> other.version() >= 17 && other.aheadOfTime() != running.aheadOfTime())
          .findFirst().ifPresent(jdks::add);
    }
    return jdks;
  }

  private static java.util.Optional<Jdk> jdk(Path home) {
    try {
      Path release = home.resolve("release");
      if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve("bin/java"))) {
        return java.util.Optional.empty();
      }
      Matcher version = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
      return version.find() ? java.util.Optional.of(new Jdk(home, Integer.parseInt(version.group(1))))
          : java.util.Optional.empty();
    } catch (IOException e) {
      return java.util.Optional.empty();
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void missingArchiveIsCreatedAndItsOptionPrinted(Jdk jdk) throws Exception {
    Path jar = jar("one");
    Run run = archive(jdk, jar, Map.of());
    Path archive = dir.resolve("app" + jdk.extension());
    assertThat(run.exit()).isZero();
    assertThat(run.out().strip()).isEqualTo(jdk.option() + archive);
    assertThat(archive).isNotEmptyFile();
    // Nothing but the program's own line: a JVM that could not use the archive would say so.
    assertThat(run(List.of(jdk.java(), run.out().strip(), "-XX:+UseSerialGC", "-jar", jar.toString(), "hello"),
        Map.of()).out()).isEqualTo("fake hello\n");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void archiveOlderThanTheJarIsMadeAgain(Jdk jdk) throws Exception {
    Path jar = jar("one");
    archive(jdk, jar, Map.of());
    Path archive = dir.resolve("app" + jdk.extension());
    FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
    Files.setLastModifiedTime(archive, old);
    Run run = archive(jdk, jar, Map.of());
    assertThat(run.out().strip()).isEqualTo(jdk.option() + archive);
    assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(old);
    assertThat(run.err()).contains("Creating the class archive");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aStaleArchiveDoesNotStopTheProgram(Jdk jdk) throws Exception {
    Path jar = jar("one");
    String option = archive(jdk, jar, Map.of()).out().strip();
    jar("second version"); // rebuilt: the archive no longer matches (the JVM checks size and time)
    Run run = run(List.of(jdk.java(), option, "-XX:+UseSerialGC", "-jar", jar.toString(), "serve"), Map.of());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).endsWith("fake serve\n");
    if (!jdk.aheadOfTime()) {
      assertThat(run.out()).contains("[warning][cds");
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void missingArchiveFileDoesNotStopTheProgram(Jdk jdk) throws Exception {
    Path jar = jar("one");
    Run run = run(List.of(jdk.java(), jdk.option() + dir.resolve("none" + jdk.extension()), "-jar", jar.toString(),
        "serve"), Map.of());
    assertThat(run.exit()).isZero();
    assertThat(run.out()).endsWith("fake serve\n");
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void failedTrainingRunLeavesNoArchiveAndDoesNotFail(Jdk jdk) throws Exception {
    Path jar = jar("one");
    Run run = archive(jdk, jar, Map.of("FAKE_SELF_TEST", "fail"));
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("warning: no class archive");
    try (var left = Files.list(dir)) {
      assertThat(left.map(path -> path.getFileName().toString()))
          .noneMatch(name -> name.endsWith(".jsa") || name.endsWith(".aot") || name.endsWith(".tmp"));
    }
  }

  @Test
  void runScriptStartsTheServiceWithTheArchiveOnJavaHomesJava() throws Exception {
    String run = Files.readString(Path.of("run.sh"));
    assertThat(run).contains(". scripts/service-java.sh");
    assertThat(run).contains("archive=$(scripts/class-archive.sh \"$jar\" \"${opts[@]}\")");
    assertThat(run).containsPattern(
        "(?m)^exec \"\\$service_java\" \"\\$\\{opts\\[@]}\" \\$archive -jar \"\\$jar\" \"\\$@\"$");
    assertThat(Files.readString(Path.of("scripts/service-java.sh")))
        .contains("service_java=\"${JAVA_HOME:+$JAVA_HOME/bin/}java\"");
    assertThat(Files.readString(Path.of("scripts/bench-load.sh"))).contains("scripts/class-archive.sh target/iron-cds.jar");
  }

  /** A runnable jar holding {@link FakeService}, plus an entry that makes each version differ. */
  private Path jar(String version) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
    Path jar = dir.resolve("app.jar");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
        InputStream code = FakeService.class.getResourceAsStream("FakeService.class")) {
      out.putNextEntry(new JarEntry(FakeService.class.getName().replace('.', '/') + ".class"));
      code.transferTo(out);
      out.putNextEntry(new JarEntry("version.txt"));
      out.write(version.getBytes(StandardCharsets.UTF_8));
    }
    return jar;
  }

  /** Runs the script with {@code jdk} as JAVA_HOME, the java it starts the service with. */
  private Run archive(Jdk jdk, Path jar, Map<String, String> env) throws Exception {
    Map<String, String> withJdk = new java.util.HashMap<>(env);
    withJdk.put("JAVA_HOME", jdk.home().toString());
    return run(List.of("bash", SCRIPT.toString(), jar.toString(), "-XX:+UseSerialGC"), withJdk);
  }

  private Run run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().putAll(env);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }
}
