package io.cwlogs.bench.client;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import io.cwlogs.jul.CloudWatchLogsHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.SimpleFormatter;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.AppenderRef;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The caller's cost of one log call ({@code logger.info("order {} processed", id)}) through each
 * cwlogs appender, against the same framework's own asynchronous file appender in the same run
 * (issue 4: target at most 1 µs median). Mode is {@code SampleTime}, so JMH prints p50, p90, p99.
 *
 * <ul>
 *   <li>{@code logback}: {@code cwlogs} = {@code io.cwlogs.logback.CloudWatchLogsAppender}; {@code
 *       asyncFile} = Logback's {@code AsyncAppender} ({@code neverBlock=true}) over a {@code
 *       FileAppender}, both with the same pattern.
 *   <li>{@code log4j2}: {@code cwlogs} = {@code io.cwlogs.log4j2.CloudWatchLogsAppender}; {@code
 *       asyncFile} = Log4j 2's {@code AsyncAppender} ({@code blocking=false}) over a {@code
 *       FileAppender}.
 *   <li>{@code jul}: {@code cwlogs} = {@code io.cwlogs.jul.CloudWatchLogsHandler}; {@code
 *       asyncFile} = {@code java.util.logging.FileHandler}, which is synchronous (JUL has no async
 *       handler).
 * </ul>
 *
 * <p>The cwlogs appenders ship to {@code -Dcwlogs.bench.endpoint} (default {@code
 * http://127.0.0.1:4570}; start a server there first). A benchmark thread logs far faster than any
 * server ingests, so in the steady state every bounded queue is full and both sides measure their
 * overflow path (cwlogs: drop newest, counted; the async file appenders: discard). Run:
 *
 * <pre>
 * mvn -B -q -pl cwlogs-bench -am package -DskipTests
 * java -jar cwlogs-bench/target/benchmarks.jar AppenderCallBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s
 * </pre>
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class AppenderCallBenchmark {

  @Param({"logback", "log4j2", "jul"})
  public String framework;

  @Param({"cwlogs", "asyncFile"})
  public String appender;

  static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger - %msg%n";

  private Path dir;
  private LoggerContext log4jContext;
  private java.util.logging.Logger julLogger;
  private Handler julHandler;
  private ch.qos.logback.classic.LoggerContext logbackContext;
  /** The framework's log call, chosen in set-up so the measured method does not dispatch on a string. */
  private LongConsumer call;
  private long id;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("cwlogs-appender-bench");
    String endpoint = System.getProperty("cwlogs.bench.endpoint", "http://127.0.0.1:4570");
    String group = "/bench/appender";
    String stream = framework + "-" + ProcessHandle.current().pid();
    switch (framework) {
      case "logback" -> setUpLogback(endpoint, group, stream);
      case "log4j2" -> setUpLog4j2(endpoint, group, stream);
      case "jul" -> setUpJul(endpoint, group, stream);
      default -> throw new IllegalArgumentException(framework);
    }
  }

  private void setUpLogback(String endpoint, String group, String stream) {
    ch.qos.logback.classic.LoggerContext ctx = new ch.qos.logback.classic.LoggerContext();
    // A context made outside SLF4J's provider has no MDC adapter; without one, AsyncAppender's
    // prepareForDeferredProcessing throws and catches an NPE on every call (≈ 12 µs).
    ctx.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
    ctx.start();
    ch.qos.logback.core.Appender<ILoggingEvent> target;
    if (appender.equals("cwlogs")) {
      io.cwlogs.logback.CloudWatchLogsAppender a = new io.cwlogs.logback.CloudWatchLogsAppender();
      a.setContext(ctx);
      a.setName("cwlogs");
      a.setGroup(group);
      a.setStream(stream);
      a.setEndpoint(endpoint);
      a.setRegion("us-east-1");
      a.setAccessKeyId("AKIDBENCH");
      a.setSecretKey("secret");
      a.setEncoder(encoder(ctx));
      a.start();
      target = a;
    } else {
      FileAppender<ILoggingEvent> file = new FileAppender<>();
      file.setContext(ctx);
      file.setName("file");
      file.setFile(dir.resolve("logback.log").toString());
      file.setEncoder(encoder(ctx));
      file.start();
      AsyncAppender async = new AsyncAppender();
      async.setContext(ctx);
      async.setName("async");
      async.setNeverBlock(true);
      async.addAppender(file);
      async.start();
      target = async;
    }
    ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.setLevel(ch.qos.logback.classic.Level.INFO);
    ch.qos.logback.classic.Logger logger = ctx.getLogger("io.cwlogs.bench.App");
    logger.setAdditive(false);
    logger.addAppender(target);
    logbackContext = ctx;
    call = n -> logger.info("order {} processed for customer 42", n);
  }

  private static PatternLayoutEncoder encoder(ch.qos.logback.classic.LoggerContext ctx) {
    PatternLayoutEncoder e = new PatternLayoutEncoder();
    e.setContext(ctx);
    e.setPattern(PATTERN);
    e.start();
    return e;
  }

  private void setUpLog4j2(String endpoint, String group, String stream) throws Exception {
    LoggerContext ctx = Configurator.initialize(new DefaultConfiguration());
    Configuration config = ctx.getConfiguration();
    PatternLayout layout = PatternLayout.newBuilder().withPattern(PATTERN).withConfiguration(config).build();
    Appender target;
    if (appender.equals("cwlogs")) {
      var b = io.cwlogs.log4j2.CloudWatchLogsAppender.newBuilder();
      // The builder is meant for the plugin system; its attributes are private fields.
      set(b, "name", "cwlogs");
      set(b, "group", group);
      set(b, "stream", stream);
      set(b, "endpoint", endpoint);
      set(b, "region", "us-east-1");
      set(b, "accessKeyId", "AKIDBENCH");
      set(b, "secretKey", "secret");
      set(b, "layout", layout);
      target = b.build();
    } else {
      Appender file = org.apache.logging.log4j.core.appender.FileAppender.newBuilder()
          .setName("file").withFileName(dir.resolve("log4j2.log").toString()).setLayout(layout)
          .setConfiguration(config).build();
      file.start();
      config.addAppender(file);
      target = org.apache.logging.log4j.core.appender.AsyncAppender.newBuilder()
          .setName("async").setBlocking(false)
          .setAppenderRefs(new AppenderRef[] {AppenderRef.createAppenderRef("file", null, null)})
          .setConfiguration(config).build();
    }
    target.start();
    config.addAppender(target);
    LoggerConfig loggerConfig = new LoggerConfig("io.cwlogs.bench.App", org.apache.logging.log4j.Level.INFO, false);
    loggerConfig.addAppender(target, null, null);
    config.addLogger("io.cwlogs.bench.App", loggerConfig);
    ctx.updateLoggers();
    log4jContext = ctx;
    org.apache.logging.log4j.Logger logger = ctx.getLogger("io.cwlogs.bench.App");
    call = n -> logger.info("order {} processed for customer 42", n);
  }

  private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
    for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
      try {
        Field f = c.getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
        return;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(field);
  }

  private void setUpJul(String endpoint, String group, String stream) throws IOException {
    String p = CloudWatchLogsHandler.class.getName() + ".";
    String props = p + "group=" + group + "\n" + p + "stream=" + stream + "\n" + p + "endpoint=" + endpoint + "\n"
        + p + "region=us-east-1\n" + p + "accessKeyId=AKIDBENCH\n" + p + "secretKey=secret\n"
        + "java.util.logging.SimpleFormatter.format=%1$tFT%1$tT.%1$tL %4$s [%3$s] - %5$s%n\n";
    LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(props.getBytes(StandardCharsets.UTF_8)));
    julHandler = appender.equals("cwlogs")
        ? new CloudWatchLogsHandler()
        : new java.util.logging.FileHandler(dir.resolve("jul.log").toString());
    if (!appender.equals("cwlogs")) {
      julHandler.setFormatter(new SimpleFormatter());
    }
    julLogger = java.util.logging.Logger.getLogger("io.cwlogs.bench.App");
    julLogger.setUseParentHandlers(false);
    julLogger.addHandler(julHandler);
    call = n -> julLogger.log(java.util.logging.Level.INFO, "order {0} processed for customer 42", n);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    if (logbackContext != null) {
      logbackContext.stop();
    }
    if (log4jContext != null) {
      log4jContext.stop();
    }
    if (julHandler != null) {
      julLogger.removeHandler(julHandler);
      julHandler.close();
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.deleteIfExists(f);
      }
    }
    Files.deleteIfExists(dir);
  }

  /** One {@code INFO} call with one argument, formatted by the appender's pattern. */
  @Benchmark
  public void logCall() {
    call.accept(id++);
  }
}
