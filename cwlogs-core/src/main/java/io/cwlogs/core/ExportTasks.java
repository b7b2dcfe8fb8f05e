package io.cwlogs.core;

import io.cwlogs.core.spi.EventScan;
import io.cwlogs.core.spi.ScanRange;
import io.cwlogs.core.spi.StoredEvent;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatchlogs.model.CancelExportTaskRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CancelExportTaskResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateExportTaskRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.CreateExportTaskResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeExportTasksRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeExportTasksResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.ExportTask;
import software.amazon.awssdk.services.cloudwatchlogs.model.ExportTaskExecutionInfo;
import software.amazon.awssdk.services.cloudwatchlogs.model.ExportTaskStatus;

/**
 * Create/Describe/CancelExportTask: a log group's events of a time range, written to a bucket in AWS's
 * layout and format.
 *
 * <p>Layout: {@code <destinationPrefix>/<taskId>/<logStreamName>/000000.gz} (then {@code 000001.gz}, ...
 * every {@link #OBJECT_BYTES} of text), one object set per stream whose name starts with
 * {@code logStreamNamePrefix}; {@code destinationPrefix} defaults to {@code exportedlogs}. Creating a task
 * first writes {@code aws-logs-write-test} ("Permission Check Successful") at the prefix, as AWS does to
 * check it may write. Each line of an object is one event: its timestamp in ISO 8601 UTC with
 * milliseconds, a space, the message ({@code 2024-05-01T12:00:00.000Z hello}), in timestamp order;
 * {@code from} and {@code to} are both inclusive.
 *
 * <p>Status: PENDING at creation, RUNNING while a single background worker writes, then COMPLETED,
 * FAILED, or CANCELLED when CancelExportTask stops it between objects. One task per account may be
 * active (PENDING or RUNNING). A task that was active when the server stopped runs again from the start
 * when it restarts (its objects are overwritten, not duplicated).
 */
public final class ExportTasks implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ExportTasks.class);
  static final int OBJECT_BYTES = 64 * 1024 * 1024;
  private static final DateTimeFormatter LINE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Catalog catalog;
  private final ExportStore store;
  private final LongSupplier clock;
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(Thread.ofPlatform().name("cwlogs-export").daemon().factory());

  public ExportTasks(Catalog catalog, ExportStore store, LongSupplier clock) {
    this.catalog = catalog;
    this.store = store;
    this.clock = clock;
  }

  public void register(OperationTable table) {
    table.on(CreateExportTaskRequest.class, this::create);
    table.on(DescribeExportTasksRequest.class, this::describe);
    table.on(CancelExportTaskRequest.class, this::cancel);
  }

  /** Runs again every task that was active when the service stopped. */
  public void resumeAll() {
    for (Tenant tenant : catalog.tenants()) {
      for (ExportTaskMeta task : tasks(tenant)) {
        if (task.active()) {
          worker.execute(() -> run(tenant, task.taskId()));
        }
      }
    }
  }

  CreateExportTaskResponse create(RequestContext ctx, CreateExportTaskRequest request) {
    Tenant tenant = ctx.tenant();
    LogGroupMeta group = catalog.group(tenant, request.logGroupName());
    if (request.to() < request.from()) {
      throw new InvalidParameterException("Specified time range of " + request.from() + " and " + request.to()
          + " is not valid. Please make sure the values are within the retention period of the log group and "
          + "from value is less than the to values");
    }
    if (!store.bucketExists(request.destination())) {
      throw new InvalidParameterException("The given bucket does not exist. Please make sure the bucket is valid.");
    }
    synchronized (this) {
      if (tasks(tenant).stream().filter(ExportTaskMeta::active).count() >= Limits.MAX_ACTIVE_EXPORT_TASKS) {
        throw new LimitExceededException("Resource limit exceeded.");
      }
      boolean prefixGiven = request.destinationPrefix() != null && !request.destinationPrefix().isEmpty();
      String prefix = prefixGiven ? trimSlashes(request.destinationPrefix()) : "exportedlogs";
      try {
        store.put(request.destination(), (prefixGiven ? prefix + "/" : "") + "aws-logs-write-test",
            "Permission Check Successful".getBytes(StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new InvalidParameterException("The given bucket does not exist. Please make sure the bucket is valid.");
      }
      ExportTaskMeta task = new ExportTaskMeta(
          UUID.randomUUID().toString(),
          request.taskName() == null ? "" : request.taskName(),
          group.name(), group.id(),
          request.logStreamNamePrefix() == null ? "" : request.logStreamNamePrefix(),
          request.from(), request.to(), request.destination(), prefix,
          "PENDING", "Pending.", ctx.now(), 0);
      save(tenant, task);
      worker.execute(() -> run(tenant, task.taskId()));
      return CreateExportTaskResponse.builder().taskId(task.taskId()).build();
    }
  }

  DescribeExportTasksResponse describe(RequestContext ctx, DescribeExportTasksRequest request) {
    List<ExportTaskMeta> all;
    if (request.taskId() != null) {
      all = find(ctx.tenant(), request.taskId()).stream().toList();
    } else {
      all = new ArrayList<>(tasks(ctx.tenant()));
      all.sort(Comparator.comparingLong(ExportTaskMeta::creationTime).reversed().thenComparing(ExportTaskMeta::taskId));
    }
    if (request.statusCode() != null) {
      all = all.stream().filter(t -> t.status().equals(request.statusCodeAsString())).toList();
    }
    int limit = request.limit() == null ? Limits.DEFAULT_DESCRIBE_LIMIT : request.limit();
    int start = request.nextToken() == null ? 0 : parseOffset(request.nextToken());
    List<ExportTask> page = all.stream().skip(start).limit(limit).map(ExportTasks::toSdk).toList();
    String next = start + limit < all.size() ? PageTokens.encode("et", String.valueOf(start + limit)) : null;
    return DescribeExportTasksResponse.builder().exportTasks(page).nextToken(next).build();
  }

  CancelExportTaskResponse cancel(RequestContext ctx, CancelExportTaskRequest request) {
    synchronized (this) {
      ExportTaskMeta task = find(ctx.tenant(), request.taskId())
          .orElseThrow(() -> new ResourceNotFoundException("The specified export task does not exist."));
      if (!task.active()) {
        throw new InvalidOperationException("The specified export task has already finished.");
      }
      save(ctx.tenant(), task.with("CANCELLED", "Cancelled by user", clock.getAsLong()));
    }
    return CancelExportTaskResponse.builder().build();
  }

  /** The worker: writes the task's objects unless it is cancelled first. */
  private void run(Tenant tenant, String taskId) {
    ExportTaskMeta task;
    synchronized (this) {
      Optional<ExportTaskMeta> current = find(tenant, taskId);
      if (current.isEmpty() || !current.get().active()) {
        return;
      }
      task = current.get().with("RUNNING", "Started successfully", 0);
      save(tenant, task);
    }
    try {
      List<LogStreamMeta> streams = new ArrayList<>();
      catalog.forEachStream(tenant, task.groupId(), s -> {
        if (s.name().startsWith(task.logStreamNamePrefix())) {
          streams.add(s);
        }
      });
      for (LogStreamMeta stream : streams) {
        if (!exportStream(tenant, task, stream)) {
          return;
        }
      }
      finish(tenant, taskId, "COMPLETED", "Completed successfully");
    } catch (IOException | RuntimeException e) {
      LOG.warn("export task {} failed", taskId, e);
      finish(tenant, taskId, "FAILED", "Failed: " + e.getMessage());
    }
  }

  /** Writes one stream's objects; false when the task was cancelled meanwhile. */
  private boolean exportStream(Tenant tenant, ExportTaskMeta task, LogStreamMeta stream) throws IOException {
    String base = task.destinationPrefix() + "/" + task.taskId() + "/" + stream.name() + "/";
    int object = 0;
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    try (EventScan scan = catalog.store().scan(stream.key(), ScanRange.forward(task.from(), saturatedIncrement(task.to())))) {
      while (scan.hasNext()) {
        StoredEvent event = scan.next();
        text.write(LINE_TIME.format(Instant.ofEpochMilli(event.timestamp())).getBytes(StandardCharsets.US_ASCII));
        text.write(' ');
        text.write(event.message());
        text.write('\n');
        if (text.size() >= OBJECT_BYTES) {
          if (cancelled(tenant, task.taskId())) {
            return false;
          }
          store.put(task.destination(), base + String.format("%06d.gz", object++), gzip(text.toByteArray()));
          text.reset();
        }
      }
    }
    if (cancelled(tenant, task.taskId())) {
      return false;
    }
    if (text.size() > 0) {
      store.put(task.destination(), base + String.format("%06d.gz", object), gzip(text.toByteArray()));
    }
    return true;
  }

  private synchronized boolean cancelled(Tenant tenant, String taskId) {
    return find(tenant, taskId).map(t -> !t.active()).orElse(true);
  }

  private synchronized void finish(Tenant tenant, String taskId, String status, String message) {
    find(tenant, taskId).filter(ExportTaskMeta::active)
        .ifPresent(t -> save(tenant, t.with(status, message, clock.getAsLong())));
  }

  private List<ExportTaskMeta> tasks(Tenant tenant) {
    List<ExportTaskMeta> tasks = new ArrayList<>();
    catalog.forEachDocument(ExportTaskMeta.scope(tenant), d -> tasks.add(DocumentCodec.decode(d.value(), ExportTaskMeta.class)));
    return tasks;
  }

  private Optional<ExportTaskMeta> find(Tenant tenant, String taskId) {
    return catalog.store().get(ExportTaskMeta.scope(tenant), taskId).map(b -> DocumentCodec.decode(b, ExportTaskMeta.class));
  }

  private void save(Tenant tenant, ExportTaskMeta task) {
    catalog.store().put(ExportTaskMeta.scope(tenant), task.taskId(), DocumentCodec.encode(task));
  }

  private static ExportTask toSdk(ExportTaskMeta t) {
    ExportTaskExecutionInfo.Builder info = ExportTaskExecutionInfo.builder().creationTime(t.creationTime());
    if (t.completionTime() > 0) {
      info.completionTime(t.completionTime());
    }
    return ExportTask.builder()
        .taskId(t.taskId())
        .taskName(t.taskName().isEmpty() ? null : t.taskName())
        .logGroupName(t.logGroupName())
        .from(t.from())
        .to(t.to())
        .destination(t.destination())
        .destinationPrefix(t.destinationPrefix())
        .status(ExportTaskStatus.builder().code(t.status()).message(t.message()).build())
        .executionInfo(info.build())
        .build();
  }

  private static int parseOffset(String token) {
    try {
      return Integer.parseInt(PageTokens.decode("et", token));
    } catch (NumberFormatException e) {
      throw PageTokens.invalid();
    }
  }

  private static long saturatedIncrement(long value) {
    return value == Long.MAX_VALUE ? value : value + 1;
  }

  private static String trimSlashes(String prefix) {
    return prefix.replaceAll("^/+|/+$", "");
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
