package io.cwlogs.core;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsResponse;

/**
 * The implemented operations, by the name that follows {@code Logs_20140328.} in {@code X-Amz-Target}.
 *
 * <p>Each capability class registers its handlers here; the name is derived from the SDK request class
 * ({@code CreateLogGroupRequest} → {@code CreateLogGroup}), so it cannot drift from the API.
 */
public final class OperationTable {

  /** One operation: the request type the codec decodes into, and the code that answers it. */
  public record Operation(
      String name,
      Class<? extends CloudWatchLogsRequest> requestType,
      BiFunction<RequestContext, SdkPojo, CloudWatchLogsResponse> handler) {}

  private final Map<String, Operation> operations = new HashMap<>();

  public <Q extends CloudWatchLogsRequest> void on(
      Class<Q> requestType, BiFunction<RequestContext, Q, ? extends CloudWatchLogsResponse> handler) {
    String name = requestType.getSimpleName().replaceFirst("Request$", "");
    operations.put(
        name,
        new Operation(name, requestType, (ctx, request) -> handler.apply(ctx, requestType.cast(request))));
  }

  public Optional<Operation> find(String name) {
    return Optional.ofNullable(operations.get(name));
  }

  public java.util.Set<String> names() {
    return java.util.Collections.unmodifiableSet(operations.keySet());
  }
}
