package io.cwlogs.core;

import io.cwlogs.core.spi.StoredEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.cloudwatchlogs.model.Entity;
import software.amazon.awssdk.services.cloudwatchlogs.model.EntityRejectionErrorType;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedEntityInfo;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;

/**
 * PutLogEvents: checks a batch against AWS's rules, stores what is accepted, and says what was rejected.
 *
 * <p>It works on {@link PutLogEventsBatch} (timestamps and UTF-8 messages in arrays), which the server
 * decodes straight from the wire; the SDK request registered for {@link LogsService#execute} is converted
 * into one, so both share these rules.
 *
 * <p>Whole-batch rules fail the call: chronological order, the 1,048,576-byte size (messages in UTF-8 plus
 * 26 bytes each) and the 24-hour span of the events that are otherwise valid. Per-event rules reject only
 * those events, reported by index in {@code rejectedLogEventsInfo}: too new (more than 2 hours ahead; from
 * {@code tooNewLogEventStartIndex}, inclusive), too old (more than 14 days back; before
 * {@code tooOldLogEventEndIndex}, exclusive) and expired by the group's retention (before
 * {@code expiredLogEventEndIndex}). Since the batch is in order, rejected events form a prefix and a suffix.
 */
public final class EventIngest {

  private final Catalog catalog;
  private final StreamLocks locks;
  private final SequenceClock sequences;
  private final List<IngestListener> listeners;

  public EventIngest(Catalog catalog, StreamLocks locks, SequenceClock sequences, List<IngestListener> listeners) {
    this.catalog = catalog;
    this.locks = locks;
    this.sequences = sequences;
    this.listeners = listeners;
  }

  public void register(OperationTable table) {
    table.on(PutLogEventsRequest.class, (ctx, request) -> put(ctx, PutLogEventsBatch.of(request)));
  }

  /**
   * Stores a batch that has passed {@link PutLogEventsValidator} (so its names and events are all there)
   * and answers as PutLogEvents does.
   */
  PutLogEventsResponse put(RequestContext ctx, PutLogEventsBatch batch) {
    String streamName = batch.logStreamName().orElseThrow();
    LogGroupMeta group = catalog.group(ctx.tenant(), batch.logGroupName().orElseThrow());
    LogStreamMeta stream = catalog.stream(ctx.tenant(), group, streamName);
    LogEventArrays events = batch.logEvents().orElseThrow();
    checkBatch(events);

    long now = ctx.now();
    long tooNewAfter = now + Limits.MAX_FUTURE.toMillis();
    long tooOldBefore = now - Limits.MAX_PAST.toMillis();
    long expiredBefore =
        group.retentionInDays() > 0 ? now - group.retentionInDays() * 86_400_000L : Long.MIN_VALUE;
    int count = events.size();
    int tooOldEnd = 0;
    int expiredEnd = 0;
    int tooNewStart = count;
    for (int i = 0; i < count; i++) {
      long ts = events.timestamp(i);
      if (ts < tooOldBefore) {
        tooOldEnd = i + 1;
      }
      if (ts < expiredBefore) {
        expiredEnd = i + 1;
      }
      if (ts > tooNewAfter && tooNewStart == count) {
        tooNewStart = i;
      }
    }
    int firstValid = Math.max(tooOldEnd, expiredEnd);
    if (firstValid < tooNewStart) {
      long span = events.timestamp(tooNewStart - 1) - events.timestamp(firstValid);
      if (span > Limits.MAX_BATCH_SPAN.toMillis()) {
        throw new InvalidParameterException(
            "The batch of log events in a single PutLogEvents request cannot span more than 24 hours.");
      }
    }

    int acceptedEnd = tooNewStart;
    LogStreamMeta after =
        locks.call(stream.key(), () -> append(ctx, group, streamName, events, firstValid, acceptedEnd));

    PutLogEventsResponse.Builder response =
        PutLogEventsResponse.builder().nextSequenceToken(SequenceTokens.of(after.lastSequence()));
    if (tooOldEnd > 0 || expiredEnd > 0 || tooNewStart < count) {
      RejectedLogEventsInfo.Builder info = RejectedLogEventsInfo.builder();
      if (tooOldEnd > 0) {
        info.tooOldLogEventEndIndex(tooOldEnd);
      }
      if (expiredEnd > 0) {
        info.expiredLogEventEndIndex(expiredEnd);
      }
      if (tooNewStart < count) {
        info.tooNewLogEventStartIndex(tooNewStart);
      }
      response.rejectedLogEventsInfo(info.build());
    }
    batch.entity().flatMap(EventIngest::rejectedEntity).ifPresent(response::rejectedEntityInfo);
    return response.build();
  }

  /** Stores events [from, to) under the stream's lock and returns the stream's new document. */
  private LogStreamMeta append(
      RequestContext ctx, LogGroupMeta group, String streamName, LogEventArrays events, int from, int to) {
    // Re-read under the lock: a concurrent put or delete may have changed the stream since.
    LogStreamMeta stream = catalog.stream(ctx.tenant(), group, streamName);
    if (from >= to) {
      return stream;
    }
    int count = to - from;
    long firstSequence = sequences.reserve(count, stream.lastSequence());
    List<StoredEvent> stored = new ArrayList<>(count);
    long bytes = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    for (int i = from; i < to; i++) {
      long ts = events.timestamp(i);
      byte[] message = events.message(i);
      stored.add(new StoredEvent(ts, firstSequence + (i - from), ctx.now(), message));
      bytes += message.length;
      min = Math.min(min, ts);
      max = Math.max(max, ts);
    }
    LogStreamMeta updated =
        stream.withAppended(count, min, max, ctx.now(), bytes, firstSequence + count - 1);
    catalog.store().append(
        stream.key(), stored, Catalog.streamScope(ctx.tenant(), group.id()), streamName, DocumentCodec.encode(updated));
    for (IngestListener listener : listeners) {
      listener.onAppended(ctx.tenant(), group, updated, stored);
    }
    return updated;
  }

  /**
   * Enforces the whole-batch rules that fail the call: chronological order, then the size (UTF-8 message
   * bytes plus the per-event overhead, counted exactly from the bytes that will be stored).
   */
  private static void checkBatch(LogEventArrays events) {
    long size = 0;
    long previous = Long.MIN_VALUE;
    for (int i = 0; i < events.size(); i++) {
      long ts = events.timestamp(i);
      if (ts < previous) {
        throw new InvalidParameterException(
            "Log events in a single PutLogEvents request must be in chronological order.");
      }
      previous = ts;
      size += events.message(i).length + Limits.EVENT_OVERHEAD_BYTES;
    }
    if (size > Limits.MAX_BATCH_BYTES) {
      throw new InvalidParameterException(
          "Upload too large: " + size + " bytes exceeds limit of " + Limits.MAX_BATCH_BYTES);
    }
  }

  /**
   * Checks the optional {@code entity} the way AWS documents it: {@code keyAttributes} needs a
   * {@code Type} of Service (with Name and Environment) or Resource / AWS::Resource (with ResourceType and
   * Identifier). A bad entity never fails the call; it is reported and the events are still stored.
   */
  static java.util.Optional<RejectedEntityInfo> rejectedEntity(Entity entity) {
    if (entity == null || !entity.hasKeyAttributes()) {
      return java.util.Optional.empty();
    }
    Map<String, String> keys = entity.keyAttributes();
    String type = keys.get("Type");
    EntityRejectionErrorType error = null;
    if (type == null) {
      error = EntityRejectionErrorType.MISSING_REQUIRED_FIELDS;
    } else if (type.equals("Service")) {
      if (!keys.containsKey("Name") || !keys.containsKey("Environment")) {
        error = EntityRejectionErrorType.MISSING_REQUIRED_FIELDS;
      }
    } else if (type.equals("Resource") || type.equals("AWS::Resource")) {
      if (!keys.containsKey("ResourceType") || !keys.containsKey("Identifier")) {
        error = EntityRejectionErrorType.MISSING_REQUIRED_FIELDS;
      }
    } else {
      error = EntityRejectionErrorType.INVALID_TYPE_VALUE;
    }
    return java.util.Optional.ofNullable(error).map(e -> RejectedEntityInfo.builder().errorType(e).build());
  }
}
