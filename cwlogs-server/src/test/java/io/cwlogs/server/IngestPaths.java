package io.cwlogs.server;

import io.cwlogs.core.DeliveryTargets;
import io.cwlogs.core.DirectoryExportStore;
import io.cwlogs.core.LogsException;
import io.cwlogs.core.LogsService;
import io.cwlogs.core.RequestContext;
import io.cwlogs.core.Tenant;
import io.cwlogs.storage.rocksdb.RocksLogStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogGroupRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateLogStreamRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutRetentionPolicyRequest;

/**
 * Two identical services on one fixed clock, each over its own store: one answers PutLogEvents bodies the
 * generic way ({@link JsonCodec#decode}, {@link LogsService#execute}), the other through the fast path
 * ({@link PutLogEventsDecoder}, {@link LogsService#putLogEvents}), as {@link LogsHandler} would. Both hold
 * log groups {@code g} and {@code r} (retention 1 day), each with a stream {@code s}.
 */
final class IngestPaths implements AutoCloseable {

  static final long NOW = Instant.parse("2026-11-21T12:00:00Z").toEpochMilli();
  private static final Tenant TENANT = new Tenant("123456789012", "us-east-1");

  /**
   * What a client would see: the HTTP status and body. For errors, the code and the message as the UTF-8
   * response carries it (where a lone surrogate is {@code ?}).
   */
  record Answer(int status, String code, String text) {

    static Answer of(Supplier<SdkPojo> call, JsonCodec codec) {
      try {
        return new Answer(200, "", new String(codec.encode(call.get()), StandardCharsets.UTF_8));
      } catch (LogsException e) {
        String wire = new String(e.getMessage().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        return new Answer(e.httpStatus(), e.code(), wire);
      }
    }

    boolean ok() {
      return status == 200;
    }
  }

  private final Path dir;
  private final RocksLogStore genericStore;
  private final RocksLogStore fastStore;
  private final LogsService generic;
  private final LogsService fast;
  private final JsonCodec codec = new JsonCodec();
  private final PutLogEventsDecoder decoder = new PutLogEventsDecoder(codec);

  IngestPaths() throws Exception {
    dir = Files.createTempDirectory("cwlogs-ingest-paths");
    genericStore = RocksLogStore.open(dir.resolve("generic"));
    fastStore = RocksLogStore.open(dir.resolve("fast"));
    generic = service(genericStore);
    fast = service(fastStore);
    for (LogsService service : new LogsService[] {generic, fast}) {
      run(service, CreateLogGroupRequest.builder().logGroupName("g").build());
      run(service, CreateLogStreamRequest.builder().logGroupName("g").logStreamName("s").build());
      run(service, CreateLogGroupRequest.builder().logGroupName("r").build());
      run(service, PutRetentionPolicyRequest.builder().logGroupName("r").retentionInDays(1).build());
      run(service, CreateLogStreamRequest.builder().logGroupName("r").logStreamName("s").build());
    }
  }

  private LogsService service(RocksLogStore store) {
    return new LogsService(store, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC),
        new LogsService.Options(3_600_000, DeliveryTargets.none(), new DirectoryExportStore(dir.resolve("exports"))));
  }

  private static RequestContext ctx() {
    return new RequestContext(TENANT, "test", NOW);
  }

  private static SdkPojo run(LogsService service, SdkPojo request) {
    String operation = request.getClass().getSimpleName().replaceFirst("Request$", "");
    return service.execute(operation, ctx(), request);
  }

  /** The body put through the generic codec and {@link LogsService#execute}. */
  Answer viaGeneric(byte[] body) {
    return Answer.of(() -> run(generic, codec.decode(body, PutLogEventsRequest.class)), codec);
  }

  /** The body put through the fast path. */
  Answer viaFast(byte[] body) {
    return Answer.of(() -> fast.putLogEvents(ctx(), decoder.decode(body)), codec);
  }

  /** The two services' groups and streams as DescribeLogGroups / DescribeLogStreams encode them. */
  String[] describe() {
    return new String[] {describe(generic), describe(fast)};
  }

  private String describe(LogsService service) {
    StringBuilder out = new StringBuilder();
    out.append(encode(run(service, DescribeLogGroupsRequest.builder().build())));
    for (String group : new String[] {"g", "r"}) {
      out.append('\n').append(encode(run(service, DescribeLogStreamsRequest.builder().logGroupName(group).build())));
    }
    return out.toString();
  }

  /** Every stored event of both services, as GetLogEvents pages encode them. */
  String[] events() {
    return new String[] {events(generic), events(fast)};
  }

  private String events(LogsService service) {
    StringBuilder out = new StringBuilder();
    for (String group : new String[] {"g", "r"}) {
      String token = null;
      while (true) {
        GetLogEventsResponse page = (GetLogEventsResponse) run(service, GetLogEventsRequest.builder()
            .logGroupName(group).logStreamName("s").startFromHead(true).nextToken(token).build());
        page.events().forEach(e -> out.append(e.timestamp()).append(' ').append(e.ingestionTime()).append(' ')
            .append(e.message()).append('\n'));
        if (page.events().isEmpty() || page.nextForwardToken().equals(token)) {
          break;
        }
        token = page.nextForwardToken();
      }
    }
    return out.toString();
  }

  private String encode(SdkPojo pojo) {
    return new String(codec.encode(pojo), StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws Exception {
    generic.close();
    fast.close();
    genericStore.close();
    fastStore.close();
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
