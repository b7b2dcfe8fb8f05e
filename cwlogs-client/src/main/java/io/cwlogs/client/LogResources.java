package io.cwlogs.client;

import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsAsyncClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;

/**
 * Creating and deleting log groups and streams, with generated names when none is given.
 *
 * <p>Creation is idempotent: {@code ResourceAlreadyExistsException} means the resource is there,
 * which is what the caller wanted. Calls block; they are meant for setup, not for the log path.
 */
public final class LogResources {
  private LogResources() {}

  /** Creates a group named by a random UUID and returns its name. */
  public static String createGroup(CloudWatchLogsAsyncClient client) {
    return createGroup(client, Optional.empty());
  }

  /** Creates the group (or a UUID-named one) if absent and returns its name. */
  public static String createGroup(CloudWatchLogsAsyncClient client, Optional<String> name) {
    String group = name.orElseGet(() -> UUID.randomUUID().toString());
    ignoreAlreadyExists(() -> client.createLogGroup(r -> r.logGroupName(group)).join());
    return group;
  }

  /** Creates a stream named by a random UUID in {@code group} and returns its name. */
  public static String createStream(CloudWatchLogsAsyncClient client, String group) {
    return createStream(client, group, Optional.empty());
  }

  /** Creates the stream (or a UUID-named one) in {@code group} if absent and returns its name. */
  public static String createStream(
      CloudWatchLogsAsyncClient client, String group, Optional<String> name) {
    String stream = name.orElseGet(() -> UUID.randomUUID().toString());
    ignoreAlreadyExists(
        () -> client.createLogStream(r -> r.logGroupName(group).logStreamName(stream)).join());
    return stream;
  }

  /** Deletes a group and all its streams. */
  public static void deleteGroup(CloudWatchLogsAsyncClient client, String group) {
    client.deleteLogGroup(r -> r.logGroupName(group)).join();
  }

  /** Deletes one stream. */
  public static void deleteStream(CloudWatchLogsAsyncClient client, String group, String stream) {
    client.deleteLogStream(r -> r.logGroupName(group).logStreamName(stream)).join();
  }

  private static void ignoreAlreadyExists(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      if (!(Failure.unwrap(e) instanceof ResourceAlreadyExistsException)) {
        throw e;
      }
    }
  }
}
