package io.cwlogs.jul;

import io.cwlogs.client.AppenderSettings;
import io.cwlogs.client.FeedbackGuard;
import io.cwlogs.client.LogEvent;
import io.cwlogs.client.LogShipper;
import io.cwlogs.client.ShipperMetrics;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.logging.ErrorManager;
import java.util.logging.Filter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * A {@code java.util.logging} handler that ships each record, formatted by its formatter, to
 * CloudWatch Logs.
 *
 * <p>Configured from the {@link LogManager} properties prefixed with this class's name: {@code
 * group}, {@code stream}, {@code region}, {@code endpoint}, {@code accessKeyId}, {@code secretKey},
 * {@code queueCapacity}, {@code overflowPolicy}, {@code lingerMillis}, {@code spoolDirectory},
 * {@code maxEventBytes}, {@code oversizePolicy}, {@code shutdownTimeoutMillis}, plus the standard
 * {@code level}, {@code filter} and {@code formatter}. Construction does no network I/O; {@link
 * #close()} (called by {@code LogManager.reset()} at JVM exit) and a shutdown hook flush the queue.
 */
public class CloudWatchLogsHandler extends Handler {
  private final LogShipper shipper;

  /** Reads its settings from the {@link LogManager}, as the {@code handlers} property requires. */
  public CloudWatchLogsHandler() {
    LogManager manager = LogManager.getLogManager();
    String prefix = getClass().getName() + ".";
    AppenderSettings s = new AppenderSettings();
    set(manager, prefix + "group", s::setGroup);
    set(manager, prefix + "stream", s::setStream);
    set(manager, prefix + "region", s::setRegion);
    set(manager, prefix + "endpoint", s::setEndpoint);
    set(manager, prefix + "accessKeyId", s::setAccessKeyId);
    set(manager, prefix + "secretKey", s::setSecretKey);
    set(manager, prefix + "queueCapacity", v -> s.setQueueCapacity(Integer.parseInt(v)));
    set(manager, prefix + "overflowPolicy", s::setOverflowPolicy);
    set(manager, prefix + "lingerMillis", v -> s.setLingerMillis(Long.parseLong(v)));
    set(manager, prefix + "spoolDirectory", s::setSpoolDirectory);
    set(manager, prefix + "maxEventBytes", v -> s.setMaxEventBytes(Integer.parseInt(v)));
    set(manager, prefix + "oversizePolicy", s::setOversizePolicy);
    set(
        manager,
        prefix + "shutdownTimeoutMillis",
        v -> s.setShutdownTimeoutMillis(Long.parseLong(v)));
    set(manager, prefix + "level", v -> setLevel(Level.parse(v)));
    setFormatter(newInstance(manager.getProperty(prefix + "formatter"), new SimpleFormatter()));
    String filter = manager.getProperty(prefix + "filter");
    if (filter != null) {
      setFilter(newInstance(filter, (Filter) r -> true));
    }
    this.shipper = s.newShipper();
  }

  /** The shipper's counters. */
  public ShipperMetrics metrics() {
    return shipper.metrics();
  }

  @Override
  public void publish(LogRecord record) {
    if (record == null || !isLoggable(record) || FeedbackGuard.shouldSkip(record.getLoggerName())) {
      return;
    }
    String message;
    try {
      message = AppenderSettings.trimTrailingNewline(getFormatter().format(record));
    } catch (RuntimeException e) {
      reportError("formatting failed", e, ErrorManager.FORMAT_FAILURE);
      return;
    }
    shipper.offer(new LogEvent(message, record.getMillis()));
  }

  @Override
  public void flush() {
    shipper.flush(java.time.Duration.ofSeconds(5));
  }

  /**
   * Flushes and stops shipping without blocking the caller. {@code LogManager.reset()} calls this
   * while holding its configuration lock, and the shipper's thread may need that lock (the SDK's
   * Netty logs through JUL), so waiting here could stall until the deadline. The work runs on a
   * non-daemon thread; at JVM exit the shipper's own shutdown hook waits for it.
   */
  @Override
  public void close() {
    Thread closer = new Thread(shipper::close, "cwlogs-jul-close");
    closer.start();
  }

  private static void set(LogManager m, String key, Consumer<String> setter) {
    String v = m.getProperty(key);
    if (v != null) {
      setter.accept(v.trim());
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T newInstance(String className, T fallback) {
    if (className == null || className.isBlank()) {
      return fallback;
    }
    try {
      Class<?> c = ClassLoader.getSystemClassLoader().loadClass(className.trim());
      return (T) c.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return fallback;
    }
  }

  /** Keeps the UTF-8 intent explicit for formatters that ask; JUL itself works on strings. */
  @Override
  public String getEncoding() {
    return StandardCharsets.UTF_8.name();
  }
}
