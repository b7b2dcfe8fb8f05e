package io.cwlogs.client;

import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;

/**
 * The shipper's SDK client: either given (and left open) or built on first use (and closed).
 * Building lazily keeps the SDK's region and credential chains, which may do network I/O, off the
 * thread that loads a logging configuration.
 */
final class LazyClient implements Supplier<CloudWatchLogsAsyncClient> {
  private final Optional<ClientConfig> config;
  private CloudWatchLogsAsyncClient client;

  private LazyClient(Optional<ClientConfig> config, CloudWatchLogsAsyncClient client) {
    this.config = config;
    this.client = client;
  }

  static LazyClient given(CloudWatchLogsAsyncClient client) {
    return new LazyClient(Optional.empty(), client);
  }

  static LazyClient built(ClientConfig config) {
    return new LazyClient(Optional.of(config), null);
  }

  @Override
  public synchronized CloudWatchLogsAsyncClient get() {
    if (client == null) {
      client = config.orElseThrow().newAsyncClient();
    }
    return client;
  }

  /** Closes the client if this object built it. */
  synchronized void release() {
    if (config.isPresent() && client != null) {
      client.close();
      client = null;
    }
  }
}
