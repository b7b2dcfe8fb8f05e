package io.cwlogs.client;

import java.net.URI;
import java.time.Duration;

/**
 * A child JVM for {@link ShipperFaultTest}: queues records with a long linger, then exits at once,
 * leaving the shutdown hook to deliver them. Args: endpoint group stream count.
 */
public final class ShutdownChild {
  private ShutdownChild() {}

  public static void main(String[] args) {
    LogShipper shipper =
        LogShipper.builder()
            .clientConfig(LocalLogsEndpoint.config(URI.create(args[0])))
            .group(args[1])
            .stream(args[2])
            .linger(Duration.ofMinutes(1))
            .shutdownHook(true)
            .shutdownTimeout(Duration.ofSeconds(20))
            .build();
    int n = Integer.parseInt(args[3]);
    for (int i = 0; i < n; i++) {
      shipper.offer(LogEvent.now(String.format("r%05d", i)));
    }
    System.exit(0);
  }
}
