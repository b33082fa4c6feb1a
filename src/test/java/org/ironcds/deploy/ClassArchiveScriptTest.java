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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/class-archive.sh}, which run.sh and bench-load.sh use, on a small stand-in jar: it
 * makes the archive when missing or older than the jar, and a missing, stale or failed archive
 * never stops the program from starting.
 */
class ClassArchiveScriptTest {
  private static final Path SCRIPT = Path.of("scripts/class-archive.sh").toAbsolutePath();

  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  @Test
  void missingArchiveIsCreatedAndItsOptionPrinted() throws Exception {
    Path jar = jar("one");
    Run run = archive(jar, Map.of());
    Path archive = dir.resolve("app.jsa");
    assertThat(run.exit()).isZero();
    assertThat(run.out().strip()).isEqualTo("-XX:SharedArchiveFile=" + archive);
    assertThat(archive).isNotEmptyFile();
    assertThat(java(List.of(run.out().strip(), "-Xshare:auto", "-jar", jar.toString(), "hello")).out())
        .isEqualTo("fake hello\n");
  }

  @Test
  void archiveOlderThanTheJarIsMadeAgain() throws Exception {
    Path jar = jar("one");
    archive(jar, Map.of());
    Path archive = dir.resolve("app.jsa");
    FileTime old = FileTime.from(Instant.now().minusSeconds(3600));
    Files.setLastModifiedTime(archive, old);
    Run run = archive(jar, Map.of());
    assertThat(run.out().strip()).isEqualTo("-XX:SharedArchiveFile=" + archive);
    assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(old);
    assertThat(run.err()).contains("Creating the class archive");
  }

  @Test
  void staleArchiveOnlyMakesTheJvmWarn() throws Exception {
    Path jar = jar("one");
    String option = archive(jar, Map.of()).out().strip();
    jar("second version"); // rebuilt: the archive no longer matches (the JVM checks size and time)
    Run run = java(List.of(option, "-jar", jar.toString(), "serve"));
    assertThat(run.exit()).isZero();
    assertThat(run.out()).contains("[warning][cds").endsWith("fake serve\n");
  }

  @Test
  void missingArchiveFileIsIgnoredByTheJvm() throws Exception {
    Path jar = jar("one");
    Run run = java(List.of("-XX:SharedArchiveFile=" + dir.resolve("none.jsa"), "-jar", jar.toString(), "serve"));
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo("fake serve\n");
  }

  @Test
  void failedTrainingRunLeavesNoArchiveAndDoesNotFail() throws Exception {
    Path jar = jar("one");
    Run run = archive(jar, Map.of("FAKE_SELF_TEST", "fail"));
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("warning: no class archive");
    assertThat(dir.resolve("app.jsa")).doesNotExist();
    assertThat(dir.resolve("app.jsa.tmp")).doesNotExist();
  }

  @Test
  void onJava25AndLaterItMakesAnAheadOfTimeCache() throws Exception {
    Path jdk = jdk25OrLater();
    Path jar = jar("one");
    Run run = archive(jar, Map.of("JAVA_HOME", jdk.toString()));
    Path cache = dir.resolve("app.aot");
    assertThat(run.exit()).isZero();
    assertThat(run.out().strip()).isEqualTo("-XX:AOTCache=" + cache);
    assertThat(cache).isNotEmptyFile();
    assertThat(dir.resolve("app.jsa")).doesNotExist();
    Run started = run(List.of(jdk.resolve("bin/java").toString(), run.out().strip(), "-XX:+UseSerialGC",
        "-Xlog:aot=warning", "-jar", jar.toString(), "hello"), Map.of());
    assertThat(started.out()).isEqualTo("fake hello\n"); // no warning: the cache was used as it is
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

  /** A JDK 25 or later next to the one running the tests, or the test is skipped. */
  private static Path jdk25OrLater() throws IOException {
    Path jvms = Path.of(System.getProperty("java.home")).getParent();
    try (var candidates = Files.list(jvms)) {
      for (Path candidate : candidates.sorted().toList()) {
        Path release = candidate.resolve("release");
        if (Files.isRegularFile(release) && Files.isExecutable(candidate.resolve("bin/java"))) {
          var version = java.util.regex.Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release));
          if (version.find() && Integer.parseInt(version.group(1)) >= 25) {
            return candidate;
          }
        }
      }
    }
    org.junit.jupiter.api.Assumptions.abort("no JDK 25 or later beside " + System.getProperty("java.home"));
    return null;
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

  private Run archive(Path jar, Map<String, String> env) throws Exception {
    return run(List.of("bash", SCRIPT.toString(), jar.toString(), "-XX:+UseSerialGC"), env);
  }

  private Run java(List<String> arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(arguments);
    return run(command, Map.of());
  }

  private Run run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().putAll(env);
    // The script calls $JAVA_HOME's java; make that the one running the tests unless env says.
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().putAll(env);
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
  }
}
