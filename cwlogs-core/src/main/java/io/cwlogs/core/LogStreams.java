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
 * <p>DescribeLogStreams in its default order, names ascending, is a storage range scan that reads one
 * page; by last event time (AWS allows no prefix then) or names descending, the group's streams are
 * sorted in memory. A stream's {@code storedBytes} is reported as 0: AWS
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
    String kind = byTime ? "st" : "sn";
    Optional<String> after = Optional.ofNullable(request.nextToken()).map(t -> PageTokens.decode(kind, t));
    List<LogStreamMeta> page =
        byTime || descending
            ? sortedPage(ctx.tenant(), group, prefix.orElse(""), byTime, descending, after, limit + 1)
            : namePage(ctx.tenant(), group, prefix.orElse(""), after, limit + 1);
    boolean more = page.size() > limit;
    List<LogStream> streams = new ArrayList<>();
    for (LogStreamMeta s : page.subList(0, Math.min(limit, page.size()))) {
      streams.add(describeOne(ctx.tenant(), group, s));
    }
    String next = more ? PageTokens.encode(kind, sortKey(page.get(limit - 1), byTime)) : null;
    return DescribeLogStreamsResponse.builder().logStreams(streams).nextToken(next).build();
  }

  /** The default order, ascending by name: a range scan of the stream documents from the resume point. */
  private List<LogStreamMeta> namePage(
      Tenant tenant, LogGroupMeta group, String prefix, Optional<String> after, int count) {
    String from = after.map(Catalog::successor).orElse(prefix);
    if (!from.startsWith(prefix)) {
      throw PageTokens.invalid();
    }
    List<LogStreamMeta> page = new ArrayList<>();
    for (LogStreamMeta s : catalog.listStreams(tenant, group.id(), from, count)) {
      if (!s.name().startsWith(prefix)) {
        break;
      }
      page.add(s);
    }
    return page;
  }

  /**
   * Other orders (by last event time, or names descending) sort the group's streams in memory and
   * resume after the token's sort key, so a page boundary survives the deletion of the stream it named.
   */
  private List<LogStreamMeta> sortedPage(
      Tenant tenant, LogGroupMeta group, String prefix, boolean byTime, boolean descending,
      Optional<String> after, int count) {
    List<LogStreamMeta> sorted = new ArrayList<>();
    catalog.forEachStream(tenant, group.id(), s -> {
      if (s.name().startsWith(prefix)) {
        sorted.add(s);
      }
    });
    Comparator<LogStreamMeta> order =
        byTime
            ? Comparator.comparingLong(LogStreamMeta::lastEventTimestamp)
                .thenComparing(LogStreamMeta::name, LogStreams::compareUtf8)
            : Comparator.comparing(LogStreamMeta::name, LogStreams::compareUtf8);
    Comparator<LogStreamMeta> direction = descending ? order.reversed() : order;
    sorted.sort(direction);
    int start = 0;
    if (after.isPresent()) {
      LogStreamMeta last = probe(after.get(), byTime);
      while (start < sorted.size() && direction.compare(sorted.get(start), last) <= 0) {
        start++;
      }
    }
    return sorted.subList(start, Math.min(sorted.size(), start + count));
  }

  /** A stream carrying only the sort key a token names. */
  private static LogStreamMeta probe(String key, boolean byTime) {
    if (!byTime) {
      return new LogStreamMeta(0, 0, key, 0, 0, 0, 0, 0, 0, 0);
    }
    int slash = key.indexOf('/');
    try {
      long lastEvent = Long.parseLong(key.substring(0, slash));
      return new LogStreamMeta(0, 0, key.substring(slash + 1), 0, 0, 0, lastEvent, 0, 0, 0);
    } catch (RuntimeException e) {
      throw PageTokens.invalid();
    }
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
