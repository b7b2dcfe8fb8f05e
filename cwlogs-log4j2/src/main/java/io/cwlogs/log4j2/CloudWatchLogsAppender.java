package io.cwlogs.log4j2;

import io.cwlogs.client.AppenderSettings;
import io.cwlogs.client.FeedbackGuard;
import io.cwlogs.client.LogEvent;
import io.cwlogs.client.LogShipper;
import io.cwlogs.client.ShipperMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.config.plugins.validation.constraints.Required;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * A Log4j 2 appender plugin, {@code <CloudWatchLogs>}, that ships each event, formatted by its
 * layout, to CloudWatch Logs.
 *
 * <p>One logging event is one CloudWatch event. Creating the appender does no network I/O; {@link
 * #stop(long, TimeUnit)} (Log4j's own shutdown) and a JVM shutdown hook flush the queue. Events
 * from the AWS SDK, Netty and the shipper's threads are ignored.
 */
@Plugin(
    name = "CloudWatchLogs",
    category = Core.CATEGORY_NAME,
    elementType = Appender.ELEMENT_TYPE,
    printObject = true)
public final class CloudWatchLogsAppender extends AbstractAppender {
  private final LogShipper shipper;

  private CloudWatchLogsAppender(
      String name, Filter filter, Layout<?> layout, boolean ignoreExceptions, LogShipper shipper) {
    super(name, filter, layout, ignoreExceptions, Property.EMPTY_ARRAY);
    this.shipper = shipper;
  }

  @PluginBuilderFactory
  public static Builder newBuilder() {
    return new Builder();
  }

  /** The shipper's counters. */
  public ShipperMetrics metrics() {
    return shipper.metrics();
  }

  @Override
  public void append(org.apache.logging.log4j.core.LogEvent event) {
    if (FeedbackGuard.shouldSkip(event.getLoggerName())) {
      return;
    }
    String message =
        AppenderSettings.trimTrailingNewline(
            new String(getLayout().toByteArray(event), StandardCharsets.UTF_8));
    shipper.offer(new LogEvent(message, event.getTimeMillis()));
  }

  @Override
  public boolean stop(long timeout, TimeUnit unit) {
    setStopping();
    // Log4j passes 0 when no timeout was asked for: use the configured shutdown timeout then.
    boolean done = 
        shipper.close(
            timeout > 0 ? Duration.ofMillis(unit.toMillis(timeout)) : shipper.shutdownTimeout());
    setStopped();
    return done;
  }

  /**
   * Plugin builder; attribute names match the setters of {@code AppenderSettings}. An attribute
   * left out stays null and {@code AppenderSettings} keeps its default, so the defaults live there
   * only.
   */
  public static final class Builder
      implements org.apache.logging.log4j.core.util.Builder<CloudWatchLogsAppender> {
    @SuppressWarnings("log4j.public.setter") // set by reflection from the XML attributes
    @PluginBuilderAttribute @Required private String name;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute @Required private String group;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute private String stream;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute private String region;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute private String endpoint;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute private String accessKeyId;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute private String secretKey;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute private Integer queueCapacity;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute private String overflowPolicy;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute private Long lingerMillis;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute private String spoolDirectory;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute private Integer maxEventBytes;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute private String oversizePolicy;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute private Long shutdownTimeoutMillis;
    @SuppressWarnings("log4j.public.setter")
    @PluginBuilderAttribute private boolean ignoreExceptions = true;

    @org.apache.logging.log4j.core.config.plugins.PluginElement("Layout")
    private Layout<?> layout;

    @org.apache.logging.log4j.core.config.plugins.PluginElement("Filter")
    private Filter filter;

    @Override
    public CloudWatchLogsAppender build() {
      AppenderSettings s = new AppenderSettings();
      s.setGroup(group);
      ifSet(stream, s::setStream);
      ifSet(region, s::setRegion);
      ifSet(endpoint, s::setEndpoint);
      ifSet(accessKeyId, s::setAccessKeyId);
      ifSet(secretKey, s::setSecretKey);
      ifSet(queueCapacity, s::setQueueCapacity);
      ifSet(overflowPolicy, s::setOverflowPolicy);
      ifSet(lingerMillis, s::setLingerMillis);
      ifSet(spoolDirectory, s::setSpoolDirectory);
      ifSet(maxEventBytes, s::setMaxEventBytes);
      ifSet(oversizePolicy, s::setOversizePolicy);
      ifSet(shutdownTimeoutMillis, s::setShutdownTimeoutMillis);
      Layout<?> l =
          layout != null
              ? layout
              : PatternLayout.newBuilder()
                  .withPattern(AppenderSettings.DEFAULT_PATTERN)
                  .build();
      return new CloudWatchLogsAppender(name, filter, l, ignoreExceptions, s.newShipper());
    }

    private static <T> void ifSet(T value, Consumer<T> setter) {
      if (value != null) {
        setter.accept(value);
      }
    }
  }
}
