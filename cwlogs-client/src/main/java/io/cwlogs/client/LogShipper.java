package io.cwlogs.client;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;

/**
 * An asynchronous sender of log events to one stream: the caller queues, a named worker thread
 * batches and ships.
 *
 * <p>{@link #offer(LogEvent)} never does I/O: it puts the event on a bounded queue and, when the
 * queue is full, applies the {@link OverflowPolicy} (by default it drops the event and counts it).
 * The worker ({@link ShipperWorker}) drains the queue into batches closed by count, bytes or the
 * linger time, and sends them through {@link LogStream}. With a spool directory, batches that
 * cannot be delivered (an outage) go to disk and are sent, oldest first, when the service is back,
 * also after a restart; at close, whatever is still queued goes to the spool as well. Without a
 * spool, an undeliverable batch is retried until the close deadline and the queue fills meanwhile.
 *
 * <p>Delivery is at least once: a batch whose response was lost (connection dropped after the
 * service accepted it) is sent again. Counters are in {@link #metrics()} and on JMX.
 */
public final class LogShipper implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LogShipper.class.getName());

  private final String group;
  private final String stream;
  private final ArrayBlockingQueue<LogEvent> queue;
  private final OverflowPolicy overflow;
  private final Duration blockTimeout;
  private final Duration shutdownTimeout;
  private final ShipperCounters counters;
  private final ShipperWorker worker;
  private final Thread thread;
  private final Optional<Thread> shutdownHook;
  private final Optional<ObjectName> jmxName;
  private final Object closeLock = new Object();
  private boolean closed;

  private LogShipper(Builder b) {
    this.group = b.group;
    this.stream = b.stream.orElseGet(() -> UUID.randomUUID().toString());
    this.queue = new ArrayBlockingQueue<>(b.queueCapacity);
    this.overflow = b.overflow;
    this.blockTimeout = b.blockTimeout;
    this.shutdownTimeout = b.shutdownTimeout;
    Optional<Spool> spool = b.spoolDirectory.map(dir -> new Spool(dir, b.maxSpoolBytes));
    this.counters =
        new ShipperCounters(queue::size, () -> spool.map(Spool::count).orElse(0));
    LazyClient client = b.lazyClient();
    this.worker =
        new ShipperWorker(
            queue,
            counters,
            spool,
            () ->
                LogStream.builder(client.get(), group)
                    .stream(stream)
                    .retryPolicy(b.retry)
                    .sizePolicy(b.sizePolicy)
                    .build(),
            b.rules,
            b.linger,
            b.retry,
            client::release);
    this.thread = new Thread(worker, "cwlogs-shipper-" + group + "/" + stream);
    thread.setDaemon(true);
    thread.start();
    this.jmxName = b.jmx ? registerMBean() : Optional.empty();
    if (b.shutdownHook) {
      Thread hook = new Thread(() -> close(shutdownTimeout), "cwlogs-shipper-shutdown-" + stream);
      Runtime.getRuntime().addShutdownHook(hook);
      this.shutdownHook = Optional.of(hook);
    } else {
      this.shutdownHook = Optional.empty();
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public String group() {
    return group;
  }

  /** The stream's name, generated (a UUID) when none was given. */
  public String stream() {
    return stream;
  }

  /**
   * Queues an event for sending; never does I/O.
   *
   * @return true when queued, false when dropped (full queue or closed shipper), which is counted
   */
  public boolean offer(LogEvent event) {
    counters.offered.increment();
    if (worker.isClosing()) {
      counters.dropped.increment();
      return false;
    }
    boolean queued =
        switch (overflow) {
          case DROP_NEWEST -> queue.offer(event);
          case DROP_OLDEST -> offerDroppingOldest(event);
          case BLOCK -> offerBlocking(event);
        };
    if (queued) {
      counters.enqueued.incrementAndGet();
    } else {
      counters.dropped.increment();
    }
    return queued;
  }

  private boolean offerDroppingOldest(LogEvent event) {
    while (!queue.offer(event)) {
      if (queue.poll() != null) {
        counters.dropped.increment();
        counters.settled.incrementAndGet();
      }
    }
    return true;
  }

  private boolean offerBlocking(LogEvent event) {
    try {
      return queue.offer(event, blockTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Sends everything queued before this call (and the spool) without waiting for the linger time.
   *
   * @return true when all of it reached a final state in time
   */
  public boolean flush(Duration timeout) {
    return worker.flush(counters.enqueued.get(), timeout);
  }

  /** Closes with the builder's shutdown timeout. */
  @Override
  public void close() {
    close(shutdownTimeout);
  }

  /**
   * Stops accepting events, ships what is queued within {@code timeout}, spools (or counts as
   * dropped) what is left, and releases the client if the shipper built it. Idempotent: later
   * callers wait (up to their timeout) for the first close to finish.
   *
   * @return true when nothing was left over
   */
  public boolean close(Duration timeout) {
    synchronized (closeLock) {
      if (closed) { // a second caller (e.g. the shutdown hook) waits for the first one's work
        try {
          thread.join(Math.max(1, timeout.toMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
      }
      closed = true;
    }
    long droppedBefore = counters.getDropped();
    worker.close(System.nanoTime() + timeout.toNanos());
    try {
      thread.join(Math.max(1, timeout.toMillis()));
      if (thread.isAlive()) {
        thread.interrupt(); // stuck in a call: abandon it, the worker then settles what is left
        thread.join(1_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    jmxName.ifPresent(LogShipper::unregisterMBean);
    shutdownHook.ifPresent(
        hook -> {
          try {
            if (Thread.currentThread() != hook) {
              Runtime.getRuntime().removeShutdownHook(hook);
            }
          } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting; the hook is running or about to, and will find us closed
          }
        });
    return counters.getDropped() == droppedBefore && !thread.isAlive();
  }

  /** The deadline {@link #close()} and the shutdown hook use. */
  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  /** A snapshot of the counters. */
  public ShipperMetrics metrics() {
    return counters.snapshot();
  }

  private Optional<ObjectName> registerMBean() {
    MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    String base =
        "io.cwlogs:type=LogShipper,group="
            + ObjectName.quote(group)
            + ",stream="
            + ObjectName.quote(stream);
    for (int i = 0; i < 100; i++) {
      try {
        ObjectName name = new ObjectName(i == 0 ? base : base + ",instance=" + i);
        if (!server.isRegistered(name)) {
          server.registerMBean(counters, name);
          return Optional.of(name);
        }
      } catch (JMException e) {
        LOG.log(System.Logger.Level.DEBUG, "JMX registration failed", e);
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static void unregisterMBean(ObjectName name) {
    try {
      ManagementFactory.getPlatformMBeanServer().unregisterMBean(name);
    } catch (JMException e) {
      LOG.log(System.Logger.Level.DEBUG, "JMX unregistration failed", e);
    }
  }

  /** Builder for {@link LogShipper}; {@code group} and a client or client config are required. */
  public static final class Builder {
    private Optional<CloudWatchLogsAsyncClient> client = Optional.empty();
    private Optional<ClientConfig> clientConfig = Optional.empty();
    private String group;
    private Optional<String> stream = Optional.empty();
    private int queueCapacity = 10_000;
    private OverflowPolicy overflow = OverflowPolicy.DROP_NEWEST;
    private Duration blockTimeout = Duration.ofMillis(10);
    private BatchRules rules = BatchRules.service();
    private Duration linger = Duration.ofSeconds(1);
    private RetryPolicy retry = new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(5));
    private EventSizePolicy sizePolicy = EventSizePolicy.defaults();
    private Optional<Path> spoolDirectory = Optional.empty();
    private long maxSpoolBytes = 256L << 20;
    private boolean shutdownHook;
    private Duration shutdownTimeout = Duration.ofSeconds(5);
    private boolean jmx = true;

    private Builder() {}

    /** Uses an existing client; the caller keeps ownership and closes it. */
    public Builder client(CloudWatchLogsAsyncClient client) {
      this.client = Optional.of(client);
      return this;
    }

    /** Builds a client from {@code config} lazily on the worker thread; the shipper closes it. */
    public Builder clientConfig(ClientConfig config) {
      this.clientConfig = Optional.of(config);
      return this;
    }

    public Builder group(String group) {
      this.group = Objects.requireNonNull(group);
      return this;
    }

    /** The stream name; a random UUID when not set. */
    public Builder stream(String stream) {
      this.stream = Optional.of(stream);
      return this;
    }

    /** Events held in memory; 10,000 by default. */
    public Builder queueCapacity(int capacity) {
      if (capacity < 1) {
        throw new IllegalArgumentException("capacity must be positive");
      }
      this.queueCapacity = capacity;
      return this;
    }

    public Builder overflowPolicy(OverflowPolicy policy) {
      this.overflow = Objects.requireNonNull(policy);
      return this;
    }

    /** How long {@link OverflowPolicy#BLOCK} waits; 10 ms by default. */
    public Builder blockTimeout(Duration timeout) {
      this.blockTimeout = timeout;
      return this;
    }

    public Builder batchRules(BatchRules rules) {
      this.rules = Objects.requireNonNull(rules);
      return this;
    }

    /** The longest an event waits for its batch to fill; 1 s by default. */
    public Builder linger(Duration linger) {
      this.linger = linger;
      return this;
    }

    /** Retries per attempt round; the shipper keeps trying rounds after an outage. */
    public Builder retryPolicy(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry);
      return this;
    }

    public Builder sizePolicy(EventSizePolicy sizePolicy) {
      this.sizePolicy = Objects.requireNonNull(sizePolicy);
      return this;
    }

    /** Enables the on-disk spool in {@code dir}, which only this shipper may use. */
    public Builder spoolDirectory(Path dir) {
      this.spoolDirectory = Optional.of(dir);
      return this;
    }

    /** Spool size cap; batches beyond it are dropped and counted. 256 MiB by default. */
    public Builder maxSpoolBytes(long bytes) {
      this.maxSpoolBytes = bytes;
      return this;
    }

    /** Closes the shipper (within the shutdown timeout) when the JVM exits. Off by default. */
    public Builder shutdownHook(boolean enabled) {
      this.shutdownHook = enabled;
      return this;
    }

    /** The deadline for {@link LogShipper#close()} and the shutdown hook; 5 s by default. */
    public Builder shutdownTimeout(Duration timeout) {
      this.shutdownTimeout = timeout;
      return this;
    }

    /** Registers the counters on the platform MBean server; on by default. */
    public Builder jmx(boolean enabled) {
      this.jmx = enabled;
      return this;
    }

    private LazyClient lazyClient() {
      if (client.isPresent()) {
        return LazyClient.given(client.get());
      }
      return LazyClient.built(
          clientConfig.orElseThrow(() -> new IllegalStateException("client or clientConfig")));
    }

    /** Starts the worker thread and returns the shipper. */
    public LogShipper build() {
      if (group == null) {
        throw new IllegalStateException("group is required");
      }
      if (client.isEmpty() && clientConfig.isEmpty()) {
        throw new IllegalStateException("client or clientConfig is required");
      }
      return new LogShipper(this);
    }
  }
}
