package io.cwlogs.logback;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import io.cwlogs.client.AppenderSettings;
import io.cwlogs.client.FeedbackGuard;
import io.cwlogs.client.LogEvent;
import io.cwlogs.client.LogShipper;
import io.cwlogs.client.ShipperMetrics;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A Logback appender that ships each event, formatted by its encoder, to CloudWatch Logs.
 *
 * <p>Each logging event becomes one CloudWatch event (a stack trace stays with its message). The
 * caller only formats and queues; a {@link LogShipper} thread does the I/O. {@link #start()} does
 * no network I/O, {@link #stop()} flushes within {@code shutdownTimeoutMillis}, and so does a JVM
 * shutdown hook. Events from the AWS SDK, Netty and the shipper's threads are ignored so that the
 * appender never logs its own traffic.
 */
public class CloudWatchLogsAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
  private final AppenderSettings settings = new AppenderSettings();
  private Encoder<ILoggingEvent> encoder;
  private volatile Optional<LogShipper> shipper = Optional.empty();

  public void setEncoder(Encoder<ILoggingEvent> encoder) {
    this.encoder = encoder;
  }

  public void setGroup(String v) {
    settings.setGroup(v);
  }

  public void setStream(String v) {
    settings.setStream(v);
  }

  public void setRegion(String v) {
    settings.setRegion(v);
  }

  public void setEndpoint(String v) {
    settings.setEndpoint(v);
  }

  public void setAccessKeyId(String v) {
    settings.setAccessKeyId(v);
  }

  public void setSecretKey(String v) {
    settings.setSecretKey(v);
  }

  public void setQueueCapacity(int v) {
    settings.setQueueCapacity(v);
  }

  public void setOverflowPolicy(String v) {
    settings.setOverflowPolicy(v);
  }

  public void setLingerMillis(long v) {
    settings.setLingerMillis(v);
  }

  public void setSpoolDirectory(String v) {
    settings.setSpoolDirectory(v);
  }

  public void setMaxEventBytes(int v) {
    settings.setMaxEventBytes(v);
  }

  public void setOversizePolicy(String v) {
    settings.setOversizePolicy(v);
  }

  public void setShutdownTimeoutMillis(long v) {
    settings.setShutdownTimeoutMillis(v);
  }

  /** The shipper's counters, once started. */
  public Optional<ShipperMetrics> metrics() {
    return shipper.map(LogShipper::metrics);
  }

  @Override
  public void start() {
    if (encoder == null) {
      PatternLayoutEncoder e = new PatternLayoutEncoder();
      e.setContext(getContext());
      e.setPattern(AppenderSettings.DEFAULT_PATTERN);
      e.start();
      encoder = e;
    }
    try {
      shipper = Optional.of(settings.newShipper());
    } catch (RuntimeException e) {
      addError("CloudWatch Logs appender not started: " + e.getMessage(), e);
      return;
    }
    super.start();
  }

  @Override
  protected void append(ILoggingEvent event) {
    if (FeedbackGuard.shouldSkip(event.getLoggerName())) {
      return;
    }
    Optional<LogShipper> s = shipper;
    if (s.isEmpty()) {
      return;
    }
    String message =
        AppenderSettings.trimTrailingNewline(
            new String(encoder.encode(event), StandardCharsets.UTF_8));
    s.get().offer(new LogEvent(message, event.getTimeStamp()));
  }

  @Override
  public void stop() {
    super.stop();
    shipper.ifPresent(LogShipper::close);
  }
}
