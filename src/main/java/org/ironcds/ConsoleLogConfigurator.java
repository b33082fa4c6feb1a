package org.ironcds;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The service's default logging, set up in code: human-readable lines on the console, with the
 * request id from the MDC, at INFO (the chatty libraries at WARN). {@link Logging} switches the
 * same console to JSON lines when configured. Log lines carry ids and counts, never patient data
 * or tokens.
 *
 * <p>Why in code and not a {@code logback.xml}: reading the XML took logback's XML configurator
 * and a SAX parser, and the launch is about 45 ms shorter without them (docs/performance.md). A hospital's own file still wins: with {@code
 * -Dlogback.configurationFile=...} this configurator stands aside and logback reads that file
 * ({@code docs/logback.xml} is this configuration as a file, to start from).
 *
 * <p>Found by logback through {@code META-INF/services/ch.qos.logback.classic.spi.Configurator}.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class ConsoleLogConfigurator extends ContextAwareBase implements Configurator {
  static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %logger{0} [%X{request_id:--}] %msg%n";
  static final String[] QUIET_LOGGERS = {"org.eclipse.jetty", "com.zaxxer.hikari", "ca.uhn.fhir"};

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty("logback.configurationFile") != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.addAppender(Logging.console(context, "CONSOLE", encoder));
    for (String name : QUIET_LOGGERS) {
      context.getLogger(name).setLevel(Level.WARN);
    }
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
