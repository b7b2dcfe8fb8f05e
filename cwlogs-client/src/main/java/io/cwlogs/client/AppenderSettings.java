package io.cwlogs.client;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The settings every appender exposes, as plain properties, and the one way to turn them into a
 * {@link LogShipper}.
 *
 * <p>Logging frameworks configure appenders by calling setters one at a time with strings and
 * numbers, so this is a mutable bean rather than a builder; {@link #newShipper()} validates it and
 * builds the immutable shipper. Building does no network I/O: names are expanded with {@link
 * NameTemplate} and the SDK client is created on the shipper's thread at the first send.
 */
public final class AppenderSettings {
  /**
   * The layout pattern an appender uses when none is configured; Logback and Log4j 2 read it the
   * same way.
   */
  public static final String DEFAULT_PATTERN = "%d{ISO8601} %-5level [%thread] %logger - %msg%n";

  private String group = "";
  private String stream = "{hostname}-{pid}-{uuid}";
  private String region = "";
  private String endpoint = "";
  private String accessKeyId = "";
  private String secretKey = "";
  private int queueCapacity = 10_000;
  private String overflowPolicy = OverflowPolicy.DROP_NEWEST.name();
  private long lingerMillis = 1_000;
  private String spoolDirectory = "";
  private int maxEventBytes = Limits.MAX_EVENT_BYTES;
  private String oversizePolicy = OversizePolicy.TRUNCATE.name();
  private long shutdownTimeoutMillis = 5_000;

  /** Log group name template; required. */
  public void setGroup(String group) {
    this.group = nonNull(group);
  }

  /** Log stream name template; {@code {hostname}-{pid}-{uuid}} by default. */
  public void setStream(String stream) {
    this.stream = nonNull(stream);
  }

  /** AWS region; the SDK's region chain when empty. */
  public void setRegion(String region) {
    this.region = nonNull(region);
  }

  /** Endpoint override, e.g. {@code http://127.0.0.1:4566}; the AWS endpoint when empty. */
  public void setEndpoint(String endpoint) {
    this.endpoint = nonNull(endpoint);
  }

  /** Static access key id; the SDK's default credentials chain when empty (recommended). */
  public void setAccessKeyId(String accessKeyId) {
    this.accessKeyId = nonNull(accessKeyId);
  }

  /** Static secret key, used with {@link #setAccessKeyId}. */
  public void setSecretKey(String secretKey) {
    this.secretKey = nonNull(secretKey);
  }

  public void setQueueCapacity(int queueCapacity) {
    this.queueCapacity = queueCapacity;
  }

  /** {@code DROP_NEWEST} (default), {@code DROP_OLDEST} or {@code BLOCK}. */
  public void setOverflowPolicy(String overflowPolicy) {
    this.overflowPolicy = nonNull(overflowPolicy);
  }

  public void setLingerMillis(long lingerMillis) {
    this.lingerMillis = lingerMillis;
  }

  /** Directory of the on-disk spool; no spool when empty. */
  public void setSpoolDirectory(String spoolDirectory) {
    this.spoolDirectory = nonNull(spoolDirectory);
  }

  /** Largest event incl. 26 bytes overhead: 1048576 (default) or 262144 for older servers. */
  public void setMaxEventBytes(int maxEventBytes) {
    this.maxEventBytes = maxEventBytes;
  }

  /** {@code TRUNCATE} (default) or {@code REJECT}. */
  public void setOversizePolicy(String oversizePolicy) {
    this.oversizePolicy = nonNull(oversizePolicy);
  }

  /** How long stop and JVM shutdown wait for queued events to be sent. */
  public void setShutdownTimeoutMillis(long shutdownTimeoutMillis) {
    this.shutdownTimeoutMillis = shutdownTimeoutMillis;
  }

  /**
   * Builds and starts a shipper; does no network I/O.
   *
   * @throws IllegalStateException when the settings are incomplete or invalid
   */
  public LogShipper newShipper() {
    NameTemplate names = NameTemplate.system();
    String g = names.expand(group);
    if (g.isBlank()) {
      throw new IllegalStateException("a log group name is required");
    }
    ClientConfig.Builder client = ClientConfig.builder();
    if (!region.isBlank()) {
      client.region(region.trim());
    }
    if (!endpoint.isBlank()) {
      client.endpoint(URI.create(endpoint.trim()));
    }
    if (!accessKeyId.isBlank()) {
      client.staticCredentials(accessKeyId.trim(), secretKey.trim());
    }
    LogShipper.Builder b =
        LogShipper.builder()
            .clientConfig(client.build())
            .group(g)
            .stream(names.expand(stream))
            .queueCapacity(queueCapacity)
            .overflowPolicy(OverflowPolicy.valueOf(overflowPolicy.trim().toUpperCase(Locale.ROOT)))
            .linger(Duration.ofMillis(lingerMillis))
            .sizePolicy(
                new EventSizePolicy(
                    maxEventBytes,
                    OversizePolicy.valueOf(oversizePolicy.trim().toUpperCase(Locale.ROOT))))
            .shutdownHook(true)
            .shutdownTimeout(Duration.ofMillis(shutdownTimeoutMillis));
    Optional.of(spoolDirectory)
        .filter(s -> !s.isBlank())
        .map(s -> Path.of(s.trim()))
        .ifPresent(b::spoolDirectory);
    return b.build();
  }

  /** Strips one trailing line break, which layouts add but a log event does not need. */
  public static String trimTrailingNewline(String s) {
    if (s.endsWith("\r\n")) {
      return s.substring(0, s.length() - 2);
    }
    if (s.endsWith("\n")) {
      return s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
