package io.cwlogs.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;

/**
 * A handle on one log stream: creates it, and submits events in valid, retried batches.
 *
 * <p>{@link #submit(List)} applies the {@link EventSizePolicy}, sorts and splits with {@link
 * Batcher}, then sends each batch with {@link #put(List)}: throttling, 5xx and I/O errors are
 * retried per {@link RetryPolicy}; a missing group or stream (deleted behind our back) is recreated
 * and the batch sent again; any other 4xx fails the batch at once. Calls block the calling thread;
 * {@link LogShipper} is the asynchronous front end.
 */
public final class LogStream {
  private static final System.Logger LOG = System.getLogger(LogStream.class.getName());
  private static final int MAX_RECREATIONS = 2;

  private final CloudWatchLogsAsyncClient client;
  private final String group;
  private final String stream;
  private final RetryPolicy retry;
  private final EventSizePolicy sizePolicy;
  private final Batcher batcher;
  private final Sleeper sleeper;

  private LogStream(Builder b) {
    this.client = b.client;
    this.group = b.group;
    this.stream = b.stream.orElseGet(() -> UUID.randomUUID().toString());
    this.retry = b.retry;
    this.sizePolicy = b.sizePolicy;
    this.batcher = new Batcher(b.rules);
    this.sleeper = b.sleeper;
  }

  /** Starts a builder for a stream of {@code group} reached through {@code client}. */
  public static Builder builder(CloudWatchLogsAsyncClient client, String group) {
    return new Builder(client, group);
  }

  public String group() {
    return group;
  }

  /** The stream's name, generated (a UUID) when none was given. */
  public String stream() {
    return stream;
  }

  public EventSizePolicy sizePolicy() {
    return sizePolicy;
  }

  /** A handle on another stream sharing this one's client and policies. */
  LogStream sibling(String otherGroup, String otherStream) {
    return sameSettings(otherGroup, otherStream).build();
  }

  /** The same stream with another retry policy (the shipper probes an outage with one attempt). */
  LogStream withRetry(RetryPolicy other) {
    return sameSettings(group, stream).retryPolicy(other).build();
  }

  private Builder sameSettings(String otherGroup, String otherStream) {
    return new Builder(client, otherGroup)
        .stream(otherStream)
        .retryPolicy(retry)
        .sizePolicy(sizePolicy)
        .sleeper(sleeper);
  }

  /** Creates the group and the stream if absent; idempotent. */
  public LogStream create() {
    LogResources.createGroup(client, Optional.of(group));
    LogResources.createStream(client, group, Optional.of(stream));
    return this;
  }

  /** Deletes the stream (not the group). */
  public void delete() {
    LogResources.deleteStream(client, group, stream);
  }

  /** Submits one event. */
  public SubmitResult submit(LogEvent event) {
    return submit(List.of(event));
  }

  /**
   * Submits events in as many batches as the rules require.
   *
   * @return how many were accepted, and how many were rejected, refused or failed and why
   */
  public SubmitResult submit(List<LogEvent> events) {
    List<LogEvent> sendable = sizePolicy.applyAll(events);
    int oversize = events.size() - sendable.size();
    SubmitResult total = new SubmitResult(0, 0, 0, 0, oversize, 0, 0);
    for (List<LogEvent> batch : batcher.split(sendable)) {
      total = total.plus(put(batch).result());
    }
    return total;
  }

  /**
   * Sends one valid, sorted batch, retrying and recreating the stream as needed.
   *
   * @return the outcome; never throws for service or I/O errors
   */
  BatchOutcome put(List<LogEvent> batch) {
    List<InputLogEvent> input = new ArrayList<>(batch.size());
    for (LogEvent e : batch) {
      input.add(InputLogEvent.builder().message(e.message()).timestamp(e.timestamp()).build());
    }
    int retries = 0;
    int recreations = 0;
    int attempt = 0;
    while (true) {
      attempt++;
      Throwable error;
      try {
        PutLogEventsResponse response =
            client
                .putLogEvents(r -> r.logGroupName(group).logStreamName(stream).logEvents(input))
                .get();
        return BatchOutcome.delivered(countRejections(batch.size(), response, retries));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return BatchOutcome.failed(batch.size(), retries, false, e);
      } catch (ExecutionException | RuntimeException e) {
        error = Failure.unwrap(e);
      }
      switch (Failure.classify(error)) {
        case PERMANENT -> {
          LOG.log(System.Logger.Level.WARNING, "PutLogEvents failed permanently: {0}", error);
          return BatchOutcome.failed(batch.size(), retries, true, error);
        }
        case NOT_FOUND -> {
          if (recreations++ >= MAX_RECREATIONS) {
            return BatchOutcome.failed(batch.size(), retries, true, error);
          }
          try {
            create();
          } catch (RuntimeException e) {
            if (Failure.classify(e) == Failure.PERMANENT) {
              return BatchOutcome.failed(batch.size(), retries, true, Failure.unwrap(e));
            }
            // transient: fall through to the backoff below
          }
          attempt--; // recreation is not a failed attempt
          continue;
        }
        case RETRYABLE -> {}
      }
      if (attempt >= retry.maxAttempts()) {
        return BatchOutcome.failed(batch.size(), retries, false, error);
      }
      retries++;
      if (!sleeper.sleep(retry.delay(retries))) {
        return BatchOutcome.failed(batch.size(), retries, false, error);
      }
    }
  }

  /**
   * Turns {@code rejectedLogEventsInfo} into counts. Indices: events before {@code
   * expiredLogEventEndIndex} expired; those from there up to {@code tooOldLogEventEndIndex}
   * (exclusive) are too old; those from {@code tooNewLogEventStartIndex} (inclusive) are too new.
   */
  static SubmitResult countRejections(int n, PutLogEventsResponse response, int retries) {
    RejectedLogEventsInfo info = response.rejectedLogEventsInfo();
    if (info == null) {
      return new SubmitResult(n, 0, 0, 0, 0, 0, retries);
    }
    int expiredEnd = clamp(info.expiredLogEventEndIndex(), 0, n);
    int tooOldEnd = clamp(info.tooOldLogEventEndIndex(), 0, n);
    int tooNewStart = info.tooNewLogEventStartIndex() == null ? n : clamp(info.tooNewLogEventStartIndex(), 0, n);
    int oldEnd = Math.max(expiredEnd, tooOldEnd);
    tooNewStart = Math.max(tooNewStart, oldEnd);
    int expired = expiredEnd;
    int tooOld = oldEnd - expiredEnd;
    int tooNew = n - tooNewStart;
    return new SubmitResult(n - expired - tooOld - tooNew, tooOld, tooNew, expired, 0, 0, retries);
  }

  private static int clamp(Integer v, int lo, int hi) {
    return v == null ? lo : Math.max(lo, Math.min(hi, v));
  }

  /** Builder for {@link LogStream}. */
  public static final class Builder {
    private final CloudWatchLogsAsyncClient client;
    private final String group;
    private Optional<String> stream = Optional.empty();
    private RetryPolicy retry = RetryPolicy.defaults();
    private EventSizePolicy sizePolicy = EventSizePolicy.defaults();
    private BatchRules rules = BatchRules.service();
    private Sleeper sleeper = Sleeper.SYSTEM;

    private Builder(CloudWatchLogsAsyncClient client, String group) {
      this.client = Objects.requireNonNull(client, "client");
      this.group = Objects.requireNonNull(group, "group");
    }

    /** The stream name; a random UUID when not set. */
    public Builder stream(String stream) {
      this.stream = Optional.of(stream);
      return this;
    }

    public Builder retryPolicy(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry);
      return this;
    }

    public Builder sizePolicy(EventSizePolicy sizePolicy) {
      this.sizePolicy = Objects.requireNonNull(sizePolicy);
      return this;
    }

    /** Limits for {@link LogStream#submit(List)}; the service's by default. */
    public Builder batchRules(BatchRules rules) {
      this.rules = Objects.requireNonNull(rules);
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    public LogStream build() {
      return new LogStream(this);
    }
  }

  /** Waits between retries; tests replace it to run without real delays. */
  @FunctionalInterface
  interface Sleeper {
    Sleeper SYSTEM =
        d -> {
          try {
            Thread.sleep(d);
            return true;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        };

    /** Sleeps; returns false when interrupted. */
    boolean sleep(Duration d);
  }
}
