package io.cwlogs.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClientBuilder;

/**
 * How to build the SDK's asynchronous CloudWatch Logs client: region, credentials, endpoint.
 *
 * <p>Anything not set falls back to the SDK's usual chains (region from {@code AWS_REGION}, profile
 * or instance metadata; credentials from the default provider chain). The SDK's own retries are
 * switched off: {@link LogStream} retries with its {@link RetryPolicy} so that retries are counted
 * and a permanent error is never retried. {@link #newAsyncClient()} does no network I/O by itself,
 * but the SDK's region chain may query instance metadata when no region is set, which is why
 * appenders build the client on the shipper thread, never while the logging configuration loads.
 */
public final class ClientConfig {
  private final Optional<Region> region;
  private final Optional<URI> endpoint;
  private final Optional<AwsCredentialsProvider> credentials;
  private final Duration apiCallTimeout;

  private ClientConfig(Builder b) {
    this.region = b.region;
    this.endpoint = b.endpoint;
    this.credentials = b.credentials;
    this.apiCallTimeout = b.apiCallTimeout;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The SDK defaults for everything. */
  public static ClientConfig defaults() {
    return builder().build();
  }

  public Optional<Region> region() {
    return region;
  }

  public Optional<URI> endpoint() {
    return endpoint;
  }

  /** Builds a new client; the caller owns it and closes it. */
  public CloudWatchLogsAsyncClient newAsyncClient() {
    CloudWatchLogsAsyncClientBuilder b = CloudWatchLogsAsyncClient.builder();
    region.ifPresent(b::region);
    endpoint.ifPresent(b::endpointOverride);
    credentials.ifPresent(b::credentialsProvider);
    b.overrideConfiguration(
        c ->
            c.retryStrategy(AwsRetryStrategy.doNotRetry())
                .apiCallTimeout(apiCallTimeout)
                .apiCallAttemptTimeout(apiCallTimeout));
    return b.build();
  }

  /** Builder; every setting is optional. */
  public static final class Builder {
    private Optional<Region> region = Optional.empty();
    private Optional<URI> endpoint = Optional.empty();
    private Optional<AwsCredentialsProvider> credentials = Optional.empty();
    private Duration apiCallTimeout = Duration.ofSeconds(30);

    private Builder() {}

    public Builder region(String region) {
      this.region = Optional.of(Region.of(region));
      return this;
    }

    /** Overrides the service endpoint, e.g. {@code http://127.0.0.1:4566} for a local server. */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Optional.of(endpoint);
      return this;
    }

    public Builder credentials(AwsCredentialsProvider provider) {
      this.credentials = Optional.of(Objects.requireNonNull(provider));
      return this;
    }

    /** Static credentials, for tests and local servers. */
    public Builder staticCredentials(String accessKeyId, String secretKey) {
      return credentials(
          StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretKey)));
    }

    /** Upper bound on one call, including the time to read the response. */
    public Builder apiCallTimeout(Duration timeout) {
      this.apiCallTimeout = timeout;
      return this;
    }

    public ClientConfig build() {
      return new ClientConfig(this);
    }
  }
}
