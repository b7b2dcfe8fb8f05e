package io.cwlogs.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DeleteLogStreamResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OrderBy;

/**
 * Log streams: create, delete and describe them.
 *
 * <p>DescribeLogStreams orders by name (a storage range scan) or by last event time (the group's streams
 * sorted in memory, as AWS allows no prefix then). A stream's {@code storedBytes} is reported as 0: AWS
 * stopped reporting it per stream in 2019, and counts it only on the group.
 */
public final class LogStreams {

  private final Catalog catalog;
  private final StreamLocks locks;

  public LogStreams(Catalog catalog, StreamLocks locks) {
    this.catalog = catalog;
    this.locks = locks;
  }

  public void register(OperationTable table) {
    table.on(CreateLogStreamRequest.class, this::create);
    table.on(DeleteLogStreamRequest.class, this::delete);
    table.on(DescribeLogStreamsRequest.class, this::describe);
  }

  CreateLogStreamResponse create(RequestContext ctx, CreateLogStreamRequest request) {
    LogGroupMeta group = catalog.group(ctx.tenant(), request.logGroupName());
    LogStreamMeta stream =
        new LogStreamMeta(
            group.id(), ThreadLocalRandom.current().nextLong(), request.logStreamName(), ctx.now(), 0, 0, 0, 0, 0, 0);
    if (!catalog.createStream(ctx.tenant(), stream)) {
      throw new ResourceAlreadyExistsException("The specified log stream already exists");
    }
    return CreateLogStreamResponse.builder().build();
  }

  DeleteLogStreamResponse delete(RequestContext ctx, DeleteLogStreamRequest request) {
    LogGroupMeta group = catalog.group(ctx.tenant(), request.logGroupName());
    LogStreamMeta stream = catalog.stream(ctx.tenant(), group, request.logStreamName());
    locks.run(stream.key(), () -> catalog.deleteStream(ctx.tenant(), stream));
    return DeleteLogStreamResponse.builder().build();
  }

  DescribeLogStreamsResponse describe(RequestContext ctx, DescribeLogStreamsRequest request) {
    String groupName = LogGroupRef.resolve(ctx.tenant(), request.logGroupName(), request.logGroupIdentifier());
    boolean byTime = request.orderBy() == OrderBy.LAST_EVENT_TIME;
    Optional<String> prefix = Optional.ofNullable(request.logStreamNamePrefix());
    if (byTime && prefix.isPresent()) {
      throw new InvalidParameterException("Cannot order by LastEventTime with a logStreamNamePrefix.");
    }
    LogGroupMeta group = catalog.group(ctx.tenant(), groupName);
    int limit = Optional.ofNullable(request.limit()).orElse(Limits.DEFAULT_DESCRIBE_LIMIT);
    boolean descending = Boolean.TRUE.equals(request.descending());
    List<LogStreamMeta> sorted = new ArrayList<>();
    catalog.forEachStream(
        ctx.tenant(), group.id(), s -> {
          if (s.name().startsWith(prefix.orElse(""))) {
            sorted.add(s);
          }
        });
    Comparator<LogStreamMeta> order =
        byTime
            ? Comparator.comparingLong(LogStreamMeta::lastEventTimestamp).thenComparing(LogStreamMeta::name)
            : Comparator.comparing(LogStreamMeta::name, LogStreams::compareUtf8);
    sorted.sort(descending ? order.reversed() : order);
    int start = 0;
    if (request.nextToken() != null) {
      String last = PageTokens.decode(byTime ? "st" : "sn", request.nextToken());
      start = -1;
      for (int i = 0; i < sorted.size(); i++) {
        if (sortKey(sorted.get(i), byTime).equals(last)) {
          start = i + 1;
          break;
        }
      }
      if (start < 0) {
        throw PageTokens.invalid();
      }
    }
    int end = Math.min(sorted.size(), start + limit);
    List<LogStream> streams = new ArrayList<>();
    for (LogStreamMeta s : sorted.subList(start, end)) {
      streams.add(describeOne(ctx.tenant(), group, s));
    }
    String next = end < sorted.size() ? PageTokens.encode(byTime ? "st" : "sn", sortKey(sorted.get(end - 1), byTime)) : null;
    return DescribeLogStreamsResponse.builder().logStreams(streams).nextToken(next).build();
  }

  private static String sortKey(LogStreamMeta s, boolean byTime) {
    return byTime ? s.lastEventTimestamp() + "/" + s.name() : s.name();
  }

  static LogStream describeOne(Tenant tenant, LogGroupMeta group, LogStreamMeta s) {
    LogStream.Builder b =
        LogStream.builder()
            .logStreamName(s.name())
            .creationTime(s.creationTime())
            .arn(Arns.logStreamArn(tenant, group.name(), s.name()))
            .storedBytes(0L);
    if (s.hasEvents()) {
      b.firstEventTimestamp(s.firstEventTimestamp())
          .lastEventTimestamp(s.lastEventTimestamp())
          .lastIngestionTime(s.lastIngestionTime())
          .uploadSequenceToken(SequenceTokens.of(s.lastSequence()));
    }
    return b.build();
  }

  /** Names compare as UTF-8 bytes, the order storage lists them in. */
  static int compareUtf8(String a, String b) {
    return java.util.Arrays.compareUnsigned(Catalog.utf8(a), Catalog.utf8(b));
  }
}
