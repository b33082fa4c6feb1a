package org.ironcds;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ConsoleLogConfiguratorTest {
  @Test
  void setsUpTheConsoleAtInfoWithTheRequestIdAndQuietLibraries() {
    LoggerContext context = new LoggerContext();

    ExecutionStatus status = new ConsoleLogConfigurator().configure(context);

    assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    Appender<?> console = root.getAppender("CONSOLE");
    assertThat(console).isInstanceOf(ConsoleAppender.class);
    assertThat(((PatternLayoutEncoder) ((ConsoleAppender<?>) console).getEncoder()).getPattern())
        .contains("%X{request_id:--}");
    assertThat(context.getLogger("org.eclipse.jetty.server").getEffectiveLevel()).isEqualTo(Level.WARN);
    assertThat(context.getLogger("org.ironcds.http").getEffectiveLevel()).isEqualTo(Level.INFO);
  }

  @Test
  void standsAsideForAHospitalsOwnLogbackFile() {
    LoggerContext context = new LoggerContext();
    String before = System.getProperty("logback.configurationFile");
    System.setProperty("logback.configurationFile", "/etc/iron-cds/logback.xml");
    try {
      assertThat(new ConsoleLogConfigurator().configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    } finally {
      if (before == null) {
        System.clearProperty("logback.configurationFile");
      } else {
        System.setProperty("logback.configurationFile", before);
      }
    }
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")).isNull();
  }

  @Test
  void logbackFindsItAndTheServiceLogsThroughIt() {
    assertThat(ServiceLoader.load(Configurator.class)).anyMatch(c -> c instanceof ConsoleLogConfigurator);
    LoggerContext running = (LoggerContext) LoggerFactory.getILoggerFactory();
    assertThat(running.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")).isNotNull();
  }

  @Test
  void theExampleFileInDocsSaysWhatTheCodeDoes() throws Exception {
    String file = Files.readString(Path.of("docs/logback.xml"));

    assertThat(file).contains("<pattern>" + ConsoleLogConfigurator.PATTERN + "</pattern>")
        .contains("<root level=\"INFO\">");
    for (String quiet : ConsoleLogConfigurator.QUIET_LOGGERS) {
      assertThat(file).contains("<logger name=\"" + quiet + "\" level=\"WARN\"/>");
    }
  }
}
